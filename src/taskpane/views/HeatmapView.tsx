import * as React from "react";
import { DefaultButton } from "@fluentui/react/lib/Button";
import { ChoiceGroup, type IChoiceGroupOption } from "@fluentui/react/lib/ChoiceGroup";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import type { HeatmapData, HeatmapKind } from "../../excel/operations";
import { cellLabel, riskCountText, type GridPosition } from "../heatmapLayout";
import { usePane } from "../paneContext";
import { HeatmapGrid } from "./HeatmapGrid";

const KIND_OPTIONS: IChoiceGroupOption[] = [
  { key: "inherent", text: "Inherent" },
  { key: "residual", text: "Residual" },
];

const verticalCaption: React.CSSProperties = { writingMode: "vertical-rl", transform: "rotate(180deg)", textAlign: "center" };

export function HeatmapView({ active }: { active: boolean }) {
  const { host, runner } = usePane();
  const [data, setData] = React.useState<HeatmapData>();
  const [kind, setKind] = React.useState<HeatmapKind>("residual");
  const [status, setStatus] = React.useState<string>();

  const load = React.useCallback(async () => {
    const heatmap = await runner.run("Reading the heatmap", () => host.readHeatmap());
    if (heatmap) setData(heatmap);
  }, [host, runner.run]);

  React.useEffect(() => {
    if (active) void load();
  }, [active, load]);

  const filter = async ({ likelihood, impact }: GridPosition) => {
    if (!data) return;
    const shown = await runner.run("Filtering the risk register", () => host.filterRisksByCell(kind, likelihood, impact));
    if (shown !== undefined) setStatus(`Risk register filtered to ${riskCountText(shown)}: ${cellLabel(data, kind, likelihood, impact).split(":")[0]}.`);
  };
  const clearFilter = async () => {
    const done = await runner.run("Clearing the filter", async () => {
      await host.clearRiskFilter();
      return true;
    });
    if (done) setStatus("Filter cleared: all risks are shown.");
  };
  const snapshot = async () => {
    const saved = await runner.run("Taking a snapshot", () => host.takeSnapshot());
    if (saved) setStatus(`Snapshot of ${riskCountText(saved.rows)} saved for ${saved.date}.`);
  };

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <ChoiceGroup
        label="Risk level"
        options={KIND_OPTIONS}
        selectedKey={kind}
        onChange={(_, option) => option && setKind(option.key as HeatmapKind)}
        styles={{ flexContainer: { display: "flex", gap: 16 } }}
      />
      {data && (
        <Stack tokens={{ childrenGap: 4 }}>
          <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 4 }}>
            <Text variant="small" aria-hidden="true" style={verticalCaption}>
              Likelihood
            </Text>
            <HeatmapGrid data={data} kind={kind} onChoose={filter} />
          </Stack>
          <Text variant="small" aria-hidden="true" style={{ paddingLeft: 40 }}>
            Impact
          </Text>
          <Text variant="small">Select a cell to filter the risk register to its risks.</Text>
        </Stack>
      )}
      {status && <Text role="status">{status}</Text>}
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        <DefaultButton text="Clear filter" onClick={clearFilter} disabled={runner.busy} />
        <DefaultButton text="Snapshot" onClick={snapshot} disabled={runner.busy} ariaDescription="Copies today's scores to the history sheet" />
        <DefaultButton text="Refresh" onClick={load} disabled={runner.busy} />
      </Stack>
    </Stack>
  );
}
