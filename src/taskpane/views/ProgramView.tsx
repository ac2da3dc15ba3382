/**
 * The program at a glance: the current Roadmap phase and the eight ISMP elements, each with a link to
 * its sheet and its health from its Dashboard indicators and their KpiTargets. Health reads in words
 * with a symbol, so it does not depend on colour.
 */
import * as React from "react";
import { DefaultButton } from "@fluentui/react/lib/Button";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { useTheme } from "@fluentui/react/lib/Theme";
import type { Health, IndicatorHealth } from "../../core/program/health";
import type { ProgramOverview } from "../../excel/program";
import { usePane } from "../paneContext";
import { CellLink } from "./CellLink";

const SYMBOL: Record<Health, string> = { "on target": "✔", "off target": "✖", "no target": "○", "no data": "–" };
const WORDS: Record<Health, string> = { "on target": "On target", "off target": "Off target", "no target": "No target set", "no data": "No data" };

const percent = (v: number) => `${Math.round(v * 100)}%`;

function figure(i: IndicatorHealth): string {
  const shown = (v: number) => (i.percent ? percent(v) : String(Math.round(v * 10) / 10));
  const value = i.value === undefined ? "no data" : shown(i.value);
  const target = i.target === undefined ? "no target" : `target ${i.better === "Lower" ? "≤" : "≥"} ${shown(i.target)}`;
  const state = i.health === "no target" ? "" : `: ${WORDS[i.health]}`;
  return `${i.label}: ${value} (${target})${state}`;
}

export function ProgramView({ active }: { active: boolean }) {
  const { host, runner } = usePane();
  const theme = useTheme();
  const [overview, setOverview] = React.useState<ProgramOverview>();

  const refresh = React.useCallback(async () => {
    const read = await runner.run("Reading the program", () => host.readProgram());
    if (read) setOverview(read);
  }, [host, runner.run]);

  React.useEffect(() => {
    if (active) void refresh();
  }, [active, refresh]);

  const colour: Record<Health, string> = {
    "on target": theme.semanticColors.successIcon,
    "off target": theme.semanticColors.errorIcon,
    "no target": theme.semanticColors.bodySubtext,
    "no data": theme.semanticColors.bodySubtext,
  };
  const phase = overview?.phase;

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text>The eight elements of the program, each with its health from its indicators on the Dashboard and their targets (Scales ▸ KpiTargets).</Text>
      {overview && (
        <section aria-label="Roadmap">
          <Text block styles={{ root: { fontWeight: 600 } }}>
            Roadmap phase
          </Text>
          <Text block>
            {!overview.hasRoadmap
              ? "No Roadmap in this workbook yet: Build adds it to the Program sheet."
              : overview.roadmapComplete
                ? "Every phase is complete."
                : phase
                  ? `${phase.phase}: ${phase.status || "no status"}${phase.done !== undefined ? `, ${percent(phase.done)} done` : ""}${phase.startWeek !== undefined ? `, weeks ${phase.startWeek}–${phase.endWeek ?? "ongoing"}` : ""}.`
                  : "The Roadmap has no phases yet."}
          </Text>
          {overview.roadmapSheet && <CellLink sheet={overview.roadmapSheet} address="A1" text="Open the Roadmap" />}
        </section>
      )}
      {overview && (
        <ul aria-label="Program elements" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {overview.elements.map((e) => (
            <li key={e.element} style={{ padding: "8px 0", borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` }}>
              <Stack tokens={{ childrenGap: 2 }}>
                <Stack horizontal horizontalAlign="space-between" verticalAlign="center" tokens={{ childrenGap: 8 }}>
                  {e.sheet ? <CellLink sheet={e.sheet} address="A1" text={e.element} /> : <Text styles={{ root: { fontWeight: 600 } }}>{e.element}</Text>}
                  <Text styles={{ root: { whiteSpace: "nowrap", fontWeight: 600 } }}>
                    <span aria-hidden="true" style={{ color: colour[e.health], marginRight: 4 }}>
                      {SYMBOL[e.health]}
                    </span>
                    {WORDS[e.health]}
                  </Text>
                </Stack>
                <Text variant="small">{e.summary}</Text>
                {e.indicators.map((i) => (
                  <Text key={i.label} variant="small" block>
                    {figure(i)}
                  </Text>
                ))}
              </Stack>
            </li>
          ))}
        </ul>
      )}
      <DefaultButton text="Refresh" onClick={() => void refresh()} disabled={runner.busy} styles={{ root: { alignSelf: "flex-start" } }} />
    </Stack>
  );
}
