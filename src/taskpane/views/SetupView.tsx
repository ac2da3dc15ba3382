import * as React from "react";
import { PrimaryButton } from "@fluentui/react/lib/Button";
import { Checkbox } from "@fluentui/react/lib/Checkbox";
import { ChoiceGroup, type IChoiceGroupOption } from "@fluentui/react/lib/ChoiceGroup";
import { Dropdown, type IDropdownOption } from "@fluentui/react/lib/Dropdown";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { TextField } from "@fluentui/react/lib/TextField";
import { defaultOptions, isProfileKey, PROFILE_KEYS, PROFILES, type BuildOptions } from "../../core/blueprint/options";
import { isMatrixSize, MATRIX_SIZES, type ScoringMethod } from "../../core/scales";
import { FRAMEWORK_KEYS, isBuiltInFrameworkKey, type FrameworkKey } from "../../core/frameworkKeys";
// The names, not the catalogs: Set up is the first view and must not wait for the requirement lists.
import { FRAMEWORK_NAMES, SOC2_CATEGORIES, type FrameworkName } from "../../core/catalogs/names";
import type { BuildReport } from "../../excel/operations";
import { usePane } from "../paneContext";
import { BuildReportView } from "./BuildReportView";

const FRAMEWORK_CHOICES = FRAMEWORK_KEYS.map((key) => ({ key, text: FRAMEWORK_NAMES[key].shortName }));
/** A custom framework (from the user's file) has no scope note. */
const scopeNote = (key: FrameworkKey): string | undefined => (isBuiltInFrameworkKey(key) ? (FRAMEWORK_NAMES[key] as FrameworkName).scopeNote : undefined);
const PROFILE_OPTIONS: IDropdownOption[] = PROFILE_KEYS.map((key) => ({ key, text: PROFILES[key].label }));
const SIZE_OPTIONS: IDropdownOption[] = MATRIX_SIZES.map((n) => ({ key: n, text: `${n} × ${n}` }));
const METHOD_OPTIONS: IChoiceGroupOption[] = [
  { key: "multiply", text: "Likelihood × Impact" },
  { key: "matrix", text: "Lookup matrix on the Scales sheet" },
];

export function SetupView() {
  const { host, runner } = usePane();
  const [options, setOptions] = React.useState<BuildOptions>(() => defaultOptions());
  const [report, setReport] = React.useState<BuildReport>();
  const [remembered, setRemembered] = React.useState<string>();
  const update = (patch: Partial<BuildOptions>) => setOptions((current) => ({ ...current, ...patch }));

  const chooseProfile = (key: unknown) => {
    if (isProfileKey(key)) update({ profile: key, frameworks: [...PROFILES[key].frameworks] });
  };
  const toggleFramework = (key: FrameworkKey, checked: boolean) =>
    setOptions((current) => ({
      ...current,
      frameworks: checked ? [...current.frameworks.filter((k) => k !== key), key] : current.frameworks.filter((k) => k !== key),
    }));

  /** Security (the common criteria) is always in a SOC 2 scope; the others are the analyst's choice. */
  const toggleSoc2Category = (category: string, checked: boolean) =>
    setOptions((current) => {
      const chosen = current.soc2Categories ?? [...SOC2_CATEGORIES];
      const next = checked ? [...chosen.filter((c) => c !== category), category] : chosen.filter((c) => c !== category);
      return { ...current, soc2Categories: SOC2_CATEGORIES.filter((c) => c === "Security" || next.includes(c)) };
    });

  // Start from what the workbook remembers, so Build keeps its scope unless the analyst changes it.
  React.useEffect(() => {
    let cancelled = false;
    host
      .readSettings()
      .then((settings) => {
        if (cancelled || !settings) return;
        setOptions(settings.options);
        setRemembered(settings.client ? `Settings of this workbook (built for ${settings.client}).` : "Settings of this workbook.");
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [host]);

  const build = async () => {
    setReport(undefined);
    const result = await runner.run("Building the workbook", () => host.buildWorkbook(options));
    if (result) setReport(result);
  };

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      {remembered && <Text variant="small">{remembered}</Text>}
      <Dropdown
        label="Profile"
        options={PROFILE_OPTIONS}
        selectedKey={options.profile}
        onChange={(_, option) => chooseProfile(option?.key)}
      />
      <Stack role="group" aria-labelledby="ismp-frameworks-label" tokens={{ childrenGap: 6 }}>
        <Text id="ismp-frameworks-label" variant="medium" styles={{ root: { fontWeight: 600 } }}>
          Frameworks in scope
        </Text>
        {FRAMEWORK_CHOICES.map(({ key, text }) => (
          <Checkbox
            key={key}
            label={text}
            checked={options.frameworks.includes(key)}
            onChange={(_, checked) => toggleFramework(key, !!checked)}
          />
        ))}
      </Stack>
      {options.frameworks.filter((key) => scopeNote(key)).map((key) => (
        <Text key={key} variant="small" styles={{ root: { paddingLeft: 12 } }}>
          {scopeNote(key)}
        </Text>
      ))}
      {options.frameworks.includes("SOC2") && (
        <Stack role="group" aria-labelledby="ismp-soc2-label" tokens={{ childrenGap: 6 }} styles={{ root: { paddingLeft: 12 } }}>
          <Text id="ismp-soc2-label" variant="small" styles={{ root: { fontWeight: 600 } }}>
            SOC 2 categories in scope
          </Text>
          {SOC2_CATEGORIES.map((category) => (
            <Checkbox
              key={category}
              label={category}
              disabled={category === "Security"}
              checked={category === "Security" || (options.soc2Categories ?? SOC2_CATEGORIES).includes(category)}
              onChange={(_, checked) => toggleSoc2Category(category, !!checked)}
            />
          ))}
        </Stack>
      )}
      <Dropdown
        label="Matrix size"
        options={SIZE_OPTIONS}
        selectedKey={options.matrixSize}
        onChange={(_, option) => isMatrixSize(option?.key) && update({ matrixSize: option.key })}
      />
      <ChoiceGroup
        label="Scoring method"
        options={METHOD_OPTIONS}
        selectedKey={options.method}
        onChange={(_, option) => option && update({ method: option.key as ScoringMethod })}
      />
      <TextField
        label="Organisation name"
        value={options.organisation}
        onChange={(_, value) => update({ organisation: value ?? "" })}
      />
      <Checkbox label="Add sample data" checked={options.sample} onChange={(_, checked) => update({ sample: !!checked })} />
      {options.frameworks.length === 0 && (
        <MessageBar messageBarType={MessageBarType.warning}>Choose at least one framework.</MessageBar>
      )}
      <PrimaryButton
        text="Build"
        onClick={build}
        disabled={runner.busy || options.frameworks.length === 0}
        ariaDescription="Creates or repairs the ISMP sheets in this workbook"
      />
      {report && <BuildReportView report={report} />}
    </Stack>
  );
}
