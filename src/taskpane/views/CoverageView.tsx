import * as React from "react";
import { DefaultButton } from "@fluentui/react/lib/Button";
import { Dropdown, type IDropdownOption } from "@fluentui/react/lib/Dropdown";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { useTheme } from "@fluentui/react/lib/Theme";
import { FRAMEWORK_KEYS, isFrameworkKey, type FrameworkKey } from "../../core/frameworkKeys";
import type { BuildReport, CoverageSummary } from "../../excel/operations";
import { frameworkLabel } from "../frameworkLabels";
import { usePane } from "../paneContext";
import { buildHeadline, percentText } from "../summaries";
import { CellLink } from "./CellLink";
import { CustomFrameworkForm } from "./CustomFrameworkForm";

export function CoverageBar({ summary }: { summary: CoverageSummary }) {
  const theme = useTheme();
  const percent = percentText(summary.coverage);
  return (
    <Stack tokens={{ childrenGap: 2 }}>
      <Text styles={{ root: { fontWeight: 600 } }}>{summary.name}</Text>
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <div
          aria-hidden="true"
          style={{ flex: 1, height: 8, borderRadius: 4, background: theme.palette.neutralLight, overflow: "hidden" }}
        >
          <div style={{ width: percent, height: "100%", background: theme.palette.themePrimary }} />
        </div>
        <Text styles={{ root: { minWidth: 36, textAlign: "right" } }}>{percent}</Text>
      </Stack>
      <Text variant="small">
        {summary.covered} covered, {summary.partial} partial, {summary.gaps} gaps of {summary.requirements} requirements
      </Text>
      {summary.topGaps.length > 0 && (
        <ul style={{ margin: "2px 0 0", paddingLeft: 16 }} aria-label={`Top gaps in ${summary.name}`}>
          {summary.topGaps.map((gap) => (
            <li key={gap.id}>
              <CellLink sheet={gap.sheet} address={gap.address} text={`${gap.id} ${gap.label}`} />
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}

export function CoverageView({ active }: { active: boolean }) {
  const { host, runner } = usePane();
  const [coverage, setCoverage] = React.useState<CoverageSummary[]>();
  const [toAdd, setToAdd] = React.useState<FrameworkKey>();
  const [addReport, setAddReport] = React.useState<BuildReport>();

  const load = React.useCallback(async () => {
    const summaries = await runner.run("Reading coverage", () => host.readCoverage());
    if (summaries) setCoverage(summaries);
  }, [host, runner.run]);

  React.useEffect(() => {
    if (active) void load();
  }, [active, load]);

  const inScope = new Set(coverage?.map((c) => c.key));
  const addable: IDropdownOption[] = FRAMEWORK_KEYS.filter((key) => !inScope.has(key)).map((key) => ({
    key,
    text: frameworkLabel(key),
  }));

  const add = async () => {
    if (!toAdd) return;
    const report = await runner.run(`Adding ${frameworkLabel(toAdd)}`, () => host.addFramework(toAdd));
    if (!report) return;
    setAddReport(report);
    setToAdd(undefined);
    await load();
  };

  return (
    <Stack tokens={{ childrenGap: 14 }}>
      {coverage?.length === 0 && <Text>No frameworks in scope yet. Build the workbook in Set up or add one below.</Text>}
      {coverage?.map((summary) => <CoverageBar key={summary.key} summary={summary} />)}
      <Stack tokens={{ childrenGap: 8 }}>
        <Dropdown
          label="Add framework"
          placeholder="Choose a framework"
          options={addable}
          selectedKey={toAdd ?? null}
          onChange={(_, option) => setToAdd(isFrameworkKey(option?.key) ? option.key : undefined)}
        />
        <DefaultButton text="Add framework" onClick={add} disabled={!toAdd || runner.busy} />
        {addReport && <Text role="status">{buildHeadline(addReport)}</Text>}
      </Stack>
      <CustomFrameworkForm
        onAdded={(report) => {
          setAddReport(report);
          void load();
        }}
      />
      <DefaultButton text="Refresh coverage" onClick={load} disabled={runner.busy} />
    </Stack>
  );
}
