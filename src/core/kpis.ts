/**
 * Leadership KPIs computed from the tables' typed inputs. The Dashboard computes the same figures
 * with native formulas; snapshots (History) and the engine tests use these.
 */
import { getFramework } from "./catalogs";
import { ASSET, criticalityOf } from "./blueprint/assetInventory";
import { CONTROL, mappingColumnHeader } from "./blueprint/controlMatrix";
import { RISK } from "./blueprint/riskRegister";
import { REQUIREMENT } from "./blueprint/requirementsSheet";
import { linkedAssetKeys } from "./blueprint/assetLinks";
import { nextReviewDate, reviewOverdue } from "./check/checkRisks";
import { filledRows, RowView, TableData } from "./check/tableData";
import { computeCoverage, controlStatesOf, workbookMappingRows } from "./coverage";
import { FrameworkKey } from "./frameworkKeys";
import { ratingFor, riskScore } from "./scoring";
import { Scales } from "./scales";
import { moneyTotals } from "./quant/quantRow";
import { computeOperationsKpis } from "./operationsKpis";
import { computeGovernanceKpis } from "./governanceKpis";
import { computeProgramKpis } from "./programKpis";
import type { OptionalRegisterKey } from "./registers/keys";

export interface KpiInput {
  risks: TableData;
  assets?: TableData;
  controls?: TableData;
  /** The Mappings table; without one, coverage reads the Control Matrix's mapping cells. */
  mappings?: TableData;
  requirements?: TableData;
  frameworks: readonly FrameworkKey[];
  scales: Scales;
  /** Today as an Excel serial date; `now` adds the time of day (defaults to the start of today). */
  today: number;
  now?: number;
  /** Operations registers in the workbook, and every table the operations and governance KPIs read (registers and Scales tables), by lower-case name. */
  registers?: readonly OptionalRegisterKey[];
  tables?: ReadonlyMap<string, TableData>;
  /** The Risk Quantification table, for the money figures (0 without it, as the sheet's SUMs give). */
  riskQuant?: TableData;
  /** Residual P90 annual loss of the last Quantify run (LossP90Residual), when there was one. */
  lossP90?: number;
}

export interface Kpis {
  openByRating: Record<string, number>;
  outsideAppetite: number;
  overdueReviews: number;
  /** Share of risks whose inherent score exceeds appetite that are now within it; undefined when none. */
  treatmentProgress?: number;
  /** Share of open risks reviewed within their band's cadence; undefined when none is dated. */
  assessmentCurrency?: number;
  controlsImplemented?: number;
  coverage: Partial<Record<FrameworkKey, number>>;
  assetsWithoutOwner: number;
  criticalAssetsAtRisk: number;
  /** Risk in money: RiskQuant column sums, portfolio ROSI and the last Quantify run's residual P90. */
  inherentAle: number;
  residualAle: number;
  aleReduction: number;
  treatmentCost: number;
  portfolioRosi?: number;
  p90AnnualLoss?: number;
  /** Operations KPIs by key ("ops:mttd"); undefined where there is nothing to measure. */
  operations: Record<string, number | undefined>;
  /** Governance KPIs by key ("gov:roadmapProgress"), from the Program sheet's registers. */
  governance: Record<string, number | undefined>;
  /** Program KPIs by key ("prog:openFindings"), from Policies, Policy Exceptions, Vendors, Audit Findings and the Control Matrix. */
  program: Record<string, number | undefined>;
}

interface ScoredRisk {
  row: RowView;
  inherent?: number;
  residual?: number;
  open: boolean;
  currentRating?: string;
}

function levelOf(row: RowView, header: string, size: number): number | undefined {
  const v = row.get(header);
  const n = typeof v === "number" ? v : v === null || v === "" ? NaN : Number(v);
  return Number.isInteger(n) && n >= 1 && n <= size ? n : undefined;
}

function scoreRisks(risks: TableData, scales: Scales): ScoredRisk[] {
  const matrix = scales.method === "matrix" ? scales.matrix : undefined;
  const score = (row: RowView, l: string, i: string) => {
    const likelihood = levelOf(row, l, scales.size);
    const impact = levelOf(row, i, scales.size);
    return likelihood && impact ? riskScore(likelihood, impact, matrix) : undefined;
  };
  return filledRows(risks).map((row) => {
    const inherent = score(row, RISK.inherentLikelihood, RISK.inherentImpact);
    const residual = score(row, RISK.residualLikelihood, RISK.residualImpact);
    const current = residual ?? inherent;
    return {
      row,
      inherent,
      residual,
      open: row.text(RISK.status).toLowerCase() !== "closed",
      currentRating: current === undefined ? undefined : ratingFor(current, scales.bands)?.rating,
    };
  });
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : undefined);

export function computeKpis(input: KpiInput): Kpis {
  const { scales, today } = input;
  const risks = scoreRisks(input.risks, scales);

  const openByRating = Object.fromEntries(scales.bands.map((b) => [b.rating, 0]));
  for (const r of risks) if (r.open && r.currentRating !== undefined && r.currentRating in openByRating) openByRating[r.currentRating]++;

  const outsideAppetite = risks.filter((r) => r.open && r.residual !== undefined && r.residual > scales.appetite).length;
  const overdueReviews = risks.filter((r) => reviewOverdue(r.row, r, scales, today) !== undefined).length;
  const aboveAppetite = risks.filter((r) => r.inherent !== undefined && r.inherent > scales.appetite);
  const treated = aboveAppetite.filter((r) => r.residual !== undefined && r.residual <= scales.appetite);
  const dated = risks.filter((r) => r.open && nextReviewDate(r.row, r, scales) !== undefined);
  const current = dated.filter((r) => reviewOverdue(r.row, r, scales, today) === undefined);

  const controls = input.controls ? filledRows(input.controls) : [];
  const applicableControls = controls.filter((c) => c.text(CONTROL.id) && c.text(CONTROL.status).toLowerCase() !== "not applicable");
  const implemented = controls.filter((c) => c.text(CONTROL.status).toLowerCase() === "implemented");

  const coverage: Partial<Record<FrameworkKey, number>> = {};
  if (input.controls) {
    const applicability = applicabilityOf(input.requirements);
    for (const key of input.frameworks) {
      const rows = workbookMappingRows(key, input.mappings, input.controls, mappingColumnHeader(key));
      const result = computeCoverage(key, rows, controlStatesOf(input.controls), applicability.get(getFramework(key).shortName.toLowerCase()));
      coverage[key] = result.coverage;
    }
  }

  const compute = {
    today,
    now: input.now ?? today,
    tables: new Map([...(input.tables ?? []), ...[input.assets, input.controls].flatMap((t) => (t ? [[t.name.toLowerCase(), t] as const] : []))]),
  };
  const assets = input.assets ? filledRows(input.assets) : [];
  const topBands = new Set(scales.bands.slice(-2).map((b) => b.rating.toLowerCase()));
  const atRiskAssets = new Set<string>();
  for (const r of risks) {
    if (!r.open || !r.currentRating || !topBands.has(r.currentRating.toLowerCase())) continue;
    for (const id of linkedAssetKeys(r.row.text(RISK.assetIds))) atRiskAssets.add(id);
  }
  const criticalAssetsAtRisk = assets.filter((a) => {
    const [c, i, av] = [ASSET.confidentiality, ASSET.integrity, ASSET.availability].map((h) => a.get(h));
    if (typeof c !== "number" || typeof i !== "number" || typeof av !== "number") return false;
    return criticalityOf(c, i, av) === "Critical" && atRiskAssets.has(a.text(ASSET.id).replace(/ /g, "").toUpperCase());
  }).length;

  return {
    openByRating,
    outsideAppetite,
    overdueReviews,
    treatmentProgress: share(treated.length, aboveAppetite.length),
    assessmentCurrency: share(current.length, dated.length),
    controlsImplemented: share(implemented.length, applicableControls.length),
    coverage,
    assetsWithoutOwner: assets.filter((a) => a.text(ASSET.id) && !a.text(ASSET.owner)).length,
    criticalAssetsAtRisk,
    ...moneyTotals(input.riskQuant ? filledRows(input.riskQuant) : []),
    p90AnnualLoss: input.lossP90,
    operations: computeOperationsKpis(input.registers ?? [], compute),
    governance: computeGovernanceKpis(compute),
    program: computeProgramKpis(compute),
  };
}

/** Framework short name (lower case) → requirement ID → applicable, from the Requirements table. */
function applicabilityOf(requirements: TableData | undefined): Map<string, Map<string, boolean>> {
  const byFramework = new Map<string, Map<string, boolean>>();
  if (!requirements) return byFramework;
  for (const row of filledRows(requirements)) {
    const framework = row.text(REQUIREMENT.framework).toLowerCase();
    if (!byFramework.has(framework)) byFramework.set(framework, new Map());
    byFramework.get(framework)!.set(row.text(REQUIREMENT.id), row.text(REQUIREMENT.applicable).toLowerCase() !== "no");
  }
  return byFramework;
}
