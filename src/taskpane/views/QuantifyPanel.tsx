/**
 * Quantify in the pane: years and seed, a run that reports progress and can be cancelled (the
 * simulation yields to the event loop between steps, so the pane stays responsive), and the
 * headline figures once the Loss Exceedance sheet is written.
 */
import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { ProgressIndicator } from "@fluentui/react/lib/ProgressIndicator";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { TextField } from "@fluentui/react/lib/TextField";
import { DEFAULT_SEED, DEFAULT_YEARS, MAX_YEARS } from "../../core/quant/simulate";
import type { QuantifySummary } from "../../excel/operations";
import { usePane } from "../paneContext";
import { parseWholeField } from "../summaries";

const MAX_SEED = 2_147_483_647;

function money(value: number, currency: string): string {
  return `${currency} ${Math.round(value).toLocaleString("en")}`;
}

export function QuantifyPanel() {
  const { host, runner } = usePane();
  const [years, setYears] = React.useState(String(DEFAULT_YEARS));
  const [seed, setSeed] = React.useState(String(DEFAULT_SEED));
  const [progress, setProgress] = React.useState<number>();
  const [summary, setSummary] = React.useState<QuantifySummary>();
  const [notice, setNotice] = React.useState<string>();
  const cancelled = React.useRef(false);

  const yearsField = parseWholeField(years, "Years", 1, MAX_YEARS);
  const seedField = parseWholeField(seed, "Seed", 0, MAX_SEED);

  const quantify = async () => {
    if (!yearsField.ok || !seedField.ok) return;
    cancelled.current = false;
    setNotice(undefined);
    setSummary(undefined);
    setProgress(0);
    const result = await runner.run("Simulating annual losses", async () => {
      try {
        return await host.quantify({ years: yearsField.value, seed: seedField.value, onProgress: setProgress, cancelled: () => cancelled.current });
      } catch (error) {
        if ((error as { code?: string }).code === "Cancelled") {
          setNotice("Cancelled: the Loss Exceedance sheet was not changed.");
          return undefined;
        }
        throw error;
      }
    });
    setProgress(undefined);
    if (result) setSummary(result);
  };

  const running = progress !== undefined;
  return (
    <Stack tokens={{ childrenGap: 8 }} role="group" aria-labelledby="ismp-quantify-label">
      <Text id="ismp-quantify-label" variant="mediumPlus" styles={{ root: { fontWeight: 600 } }}>
        Risk in money
      </Text>
      <Text variant="small">
        Simulates every risk on the Risk Quantification sheet, before and after treatment, and writes the loss exceedance curve, P90/P95/P99 and
        each risk's share onto the Loss Exceedance sheet. The same seed gives the same figures.
      </Text>
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <TextField label="Years" value={years} onChange={(_, v) => setYears(v ?? "")} errorMessage={yearsField.ok ? undefined : yearsField.message} disabled={running} styles={{ root: { width: 120 } }} />
        <TextField label="Seed" value={seed} onChange={(_, v) => setSeed(v ?? "")} errorMessage={seedField.ok ? undefined : seedField.message} disabled={running} styles={{ root: { width: 120 } }} />
      </Stack>
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <PrimaryButton text="Quantify" onClick={quantify} disabled={runner.busy || !yearsField.ok || !seedField.ok} ariaDescription="Simulates annual losses and writes the Loss Exceedance sheet" />
        {running && <DefaultButton text="Cancel" onClick={() => (cancelled.current = true)} />}
      </Stack>
      {running && <ProgressIndicator label="Simulating annual losses" percentComplete={progress} ariaValueText={`${Math.round((progress ?? 0) * 100)}%`} />}
      {notice && <MessageBar messageBarType={MessageBarType.info}>{notice}</MessageBar>}
      {summary && (
        <MessageBar messageBarType={MessageBarType.success} isMultiline>
          <Text block>
            {summary.risks} risks × {summary.years.toLocaleString("en")} years (seed {summary.seed}).
          </Text>
          <Text block>
            Expected annual loss: {money(summary.expectedInherent, summary.currency)} inherent, {money(summary.expectedResidual, summary.currency)} residual.
          </Text>
          <Text block>
            P90 annual loss: {money(summary.p90Inherent, summary.currency)} inherent, {money(summary.p90Residual, summary.currency)} residual.
          </Text>
          {summary.skipped.length > 0 && <Text block>{summary.skipped.length} rows skipped: run Check for details.</Text>}
        </MessageBar>
      )}
    </Stack>
  );
}
