/**
 * Quantify's core: the risks of the RiskQuant table as simulation inputs (inherent, and residual
 * with blank residual inputs taking the inherent value), a stepwise run of both simulations on the
 * same seed (common random numbers: a risk the treatment leaves unchanged draws the same losses),
 * and the figures the Loss Exceedance sheet shows.
 */
import { QUANT } from "../blueprint/riskQuantSheet";
import { filledRows, type TableData } from "../check/tableData";
import { PortfolioSimulation, type RiskLossInput, type SimulationOptions } from "./simulate";
import { LossDistribution, shares, summarise, type LossSummary } from "./statistics";
import { logThresholds } from "./thresholds";
import { checkEstimate } from "./validate";

export interface QuantifiedRisk {
  id: string;
  title: string;
  inherent: RiskLossInput;
  residual: RiskLossInput;
}

export interface SkippedRow {
  address: string;
  message: string;
}

/**
 * Rows with a valid estimate become risks (titles looked up in `titles`, lower-cased Risk ID → title);
 * a row with anything typed but a bad estimate is skipped with the reason.
 */
export function quantifiedRisks(table: TableData, titles: ReadonlyMap<string, string> = new Map()): { risks: QuantifiedRisk[]; skipped: SkippedRow[] } {
  const risks: QuantifiedRisk[] = [];
  const skipped: SkippedRow[] = [];
  for (const row of filledRows(table)) {
    const id = row.text(QUANT.id);
    const label = id || `row ${row.index + 1}`;
    const inherent = checkEstimate(row.get(QUANT.frequency), row.get(QUANT.low), row.get(QUANT.high), { frequency: QUANT.frequency, low: QUANT.low, high: QUANT.high });
    if (!inherent.ok) {
      skipped.push({ address: row.address(QUANT.frequency), message: `${label}: ${inherent.message}` });
      continue;
    }
    const orInherent = (header: string, value: number) => (row.text(header) === "" ? value : row.get(header));
    const residual = checkEstimate(
      orInherent(QUANT.residualFrequency, inherent.value.frequency),
      orInherent(QUANT.residualLow, inherent.value.low),
      orInherent(QUANT.residualHigh, inherent.value.high),
      { frequency: QUANT.residualFrequency, low: QUANT.residualLow, high: QUANT.residualHigh },
    );
    if (!residual.ok) {
      skipped.push({ address: row.address(QUANT.residualFrequency), message: `${label}: ${residual.message}` });
      continue;
    }
    risks.push({ id, title: titles.get(id.toLowerCase()) ?? row.text(QUANT.title), inherent: inherent.value, residual: residual.value });
  }
  return { risks, skipped };
}

export interface ShareRow {
  id: string;
  title: string;
  inherentMean: number;
  inherentShare: number;
  residualMean: number;
  residualShare: number;
}

export interface LossReport {
  years: number;
  seed: number;
  risks: number;
  inherent: LossSummary;
  residual: LossSummary;
  /** [threshold, P(inherent loss > threshold), P(residual loss > threshold)] */
  curve: Array<[number, number, number]>;
  shares: ShareRow[];
}

/** Both simulations, stepped together so progress covers the whole run. */
export class QuantifyRun {
  private readonly inherent: PortfolioSimulation;
  private readonly residual: PortfolioSimulation;

  constructor(
    private readonly risks: readonly QuantifiedRisk[],
    readonly options: SimulationOptions,
  ) {
    this.inherent = new PortfolioSimulation(risks.map((r) => r.inherent), options);
    this.residual = new PortfolioSimulation(risks.map((r) => r.residual), options);
  }

  get done(): boolean {
    return this.inherent.done && this.residual.done;
  }

  get progress(): number {
    return (this.inherent.progress + this.residual.progress) / 2;
  }

  step(eventBudget: number): void {
    if (!this.inherent.done) this.inherent.step(eventBudget);
    else this.residual.step(eventBudget);
  }

  /** The figures, once done. `alsoCover`: losses the thresholds must reach (the tolerance points). */
  report(alsoCover: readonly number[] = []): LossReport {
    const inherent = this.inherent.result();
    const residual = this.residual.result();
    const inherentLosses = new LossDistribution(inherent.annualLosses);
    const residualLosses = new LossDistribution(residual.annualLosses);
    const smallest = Math.min(...this.risks.flatMap((r) => [r.inherent.low, r.residual.low]), ...alsoCover);
    const largest = Math.max(inherentLosses.worst, residualLosses.worst, ...alsoCover);
    const curve = logThresholds(smallest, largest).map((t): [number, number, number] => [t, inherentLosses.exceedance(t), residualLosses.exceedance(t)]);
    const inherentShares = shares(inherent.riskMeans);
    const residualShares = shares(residual.riskMeans);
    return {
      years: this.options.years,
      seed: this.options.seed,
      risks: this.risks.length,
      inherent: summarise(inherentLosses),
      residual: summarise(residualLosses),
      curve,
      shares: this.risks.map((risk, i) => ({
        id: risk.id,
        title: risk.title,
        inherentMean: inherent.riskMeans[i],
        inherentShare: inherentShares[i],
        residualMean: residual.riskMeans[i],
        residualShare: residualShares[i],
      })),
    };
  }
}
