import * as React from "react";
import { DefaultButton } from "@fluentui/react/lib/Button";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { useTheme } from "@fluentui/react/lib/Theme";
import type { HeatmapData } from "../../excel/operations";
import { countsByRating } from "../heatmapLayout";
import { usePane } from "../paneContext";
import { QuantifyPanel } from "./QuantifyPanel";

export interface RisksViewProps {
  active: boolean;
  onCheckRisks(): void;
}

export function RisksView({ active, onCheckRisks }: RisksViewProps) {
  const theme = useTheme();
  const { host, runner } = usePane();
  const [data, setData] = React.useState<HeatmapData>();

  const load = React.useCallback(async () => {
    const heatmap = await runner.run("Counting risks", () => host.readHeatmap());
    if (heatmap) setData(heatmap);
  }, [host, runner.run]);

  React.useEffect(() => {
    if (active) void load();
  }, [active, load]);

  const inherent = data ? countsByRating(data, "inherent") : [];
  const residual = data ? countsByRating(data, "residual") : [];
  const total = (rows: typeof inherent) => rows.reduce((sum, row) => sum + row.count, 0);
  const cellStyle: React.CSSProperties = { padding: "4px 6px", borderBottom: `1px solid ${theme.palette.neutralLight}` };
  const numberStyle: React.CSSProperties = { ...cellStyle, textAlign: "right" };

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text>Risks on the Risk Register sheet, by rating.</Text>
      {data && (
        <table style={{ borderCollapse: "collapse", width: "100%" }}>
          <caption style={{ position: "absolute", left: -10000 }}>Risk counts by rating</caption>
          <thead>
            <tr>
              <th scope="col" style={{ ...cellStyle, textAlign: "left" }}>Rating</th>
              <th scope="col" style={numberStyle}>Inherent</th>
              <th scope="col" style={numberStyle}>Residual</th>
            </tr>
          </thead>
          <tbody>
            {inherent.map((row, i) => (
              <tr key={row.rating}>
                <th scope="row" style={{ ...cellStyle, textAlign: "left", fontWeight: 400 }}>
                  <span aria-hidden="true" style={{ display: "inline-block", width: 10, height: 10, marginRight: 6, background: row.color, border: `1px solid ${theme.palette.neutralTertiary}` }} />
                  {row.rating}
                </th>
                <td style={numberStyle}>{row.count}</td>
                <td style={numberStyle}>{residual[i]?.count ?? 0}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" style={{ ...cellStyle, textAlign: "left" }}>Total</th>
              <td style={numberStyle}>{total(inherent)}</td>
              <td style={numberStyle}>{total(residual)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        <DefaultButton text="Check risks" onClick={onCheckRisks} ariaDescription="Opens Check and looks for problems in the register" />
        <DefaultButton text="Refresh" onClick={load} disabled={runner.busy} />
      </Stack>
      <QuantifyPanel />
    </Stack>
  );
}
