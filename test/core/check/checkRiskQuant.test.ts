import { QUANT, RISK_QUANT_SHEET, RISK_QUANT_TABLE, riskQuantFields } from "../../../src/core/blueprint/riskQuantSheet";
import { RISK, RISKS_TABLE } from "../../../src/core/blueprint/riskRegister";
import { checkCurrency } from "../../../src/core/check/checkCurrency";
import { checkWorkbookTables } from "../../../src/core/check/checkWorkbook";
import type { CellValue } from "../../../src/core/blueprint/types";
import { defaultScales } from "../../../src/core/scales";
import { tableOf } from "./tables";

const scales = defaultScales(5);
const QUANT_HEADERS = riskQuantFields().map((f) => f.header);
const RISK_HEADERS = [RISK.id, RISK.title, RISK.inherentImpact, RISK.residualImpact];

/** R-001's inherent impact is level 3 ($100k - $1M), residual level 2 ($10k - $100k). */
function problems(rows: Array<Record<string, CellValue>>) {
  const risks = tableOf(RISKS_TABLE, "Risk Register", [{ [RISK.id]: "R-001", [RISK.title]: "Ransomware", [RISK.inherentImpact]: 3, [RISK.residualImpact]: 2 }], RISK_HEADERS);
  const quant = tableOf(RISK_QUANT_TABLE, RISK_QUANT_SHEET, rows, QUANT_HEADERS);
  return checkWorkbookTables({ tables: [risks, quant], lists: new Map(), scales, frameworks: [], today: 46000 }).filter((p) => p.sheet === RISK_QUANT_SHEET);
}

const consistent = { [QUANT.id]: "R-001", [QUANT.frequency]: 0.5, [QUANT.low]: 100_000, [QUANT.high]: 900_000 };
const column = (header: string) => String.fromCharCode(65 + QUANT_HEADERS.indexOf(header));

describe("Check on the Risk Quantification sheet", () => {
  it("finds nothing wrong with an estimate inside its impact level's Financial Range", () => {
    expect(problems([consistent, { [QUANT.id]: "R-001" }].slice(0, 1))).toEqual([]);
  });

  it("says Low must be above 0, High above Low and frequency 0 or more, on each cell", () => {
    const found = problems([{ ...consistent, [QUANT.frequency]: -1, [QUANT.low]: 0, [QUANT.high]: 5 }]);
    expect(found.map((p) => [p.address, p.severity, p.message])).toEqual([
      [`${column(QUANT.frequency)}5`, "error", "R-001: Annual Frequency must be a number of events per year, 0 or more (got \"-1\")."],
      [`${column(QUANT.low)}5`, "error", "R-001: Loss Low must be a loss above 0 (the 5th percentile of one event's loss) (got \"0\")."],
    ]);
    expect(problems([{ ...consistent, [QUANT.high]: 50_000 }]).map((p) => p.message)).toEqual([
      "R-001: Loss High must be above Loss Low (100,000): the 95th percentile of one event's loss (got \"50000\").",
    ]);
  });

  it("names the missing input of a partial estimate", () => {
    expect(problems([{ [QUANT.id]: "R-001", [QUANT.frequency]: 1, [QUANT.low]: 10 }]).map((p) => p.message)).toEqual([
      "R-001: Loss High is blank: the ALE needs a frequency, a Low and a High.",
    ]);
  });

  it("warns when the loss range disagrees with the impact level's Financial Range", () => {
    const found = problems([{ ...consistent, [QUANT.low]: 5_000_000, [QUANT.high]: 20_000_000 }]);
    expect(found).toEqual([
      expect.objectContaining({
        code: "loss-range-vs-impact",
        severity: "warning",
        address: `${column(QUANT.low)}5`,
        message: "R-001: the loss range 5,000,000 to 20,000,000 (median 10,000,000) disagrees with its Inherent Impact 3 Moderate, whose Financial Range on the Scales sheet is $100k - $1M.",
      }),
    ]);
  });

  it("checks a typed residual range against the residual impact level, and warns when Residual ALE exceeds ALE", () => {
    const found = problems([{ ...consistent, [QUANT.residualFrequency]: 2, [QUANT.residualLow]: 20_000, [QUANT.residualHigh]: 90_000 }]);
    expect(found.map((p) => p.code)).toEqual([]);
    const worse = problems([{ ...consistent, [QUANT.residualFrequency]: 5 }]);
    expect(worse).toEqual([
      expect.objectContaining({ code: "residual-ale-above-ale", severity: "warning", address: `${column(QUANT.residualAle)}5`, message: expect.stringMatching(/^R-001: Residual ALE 1,\d{3},\d{3} is above the ALE 1\d\d,\d{3}/) }),
    ]);
  });

  it("reports a Risk ID that is not on the Risk Register, and repeated IDs", () => {
    const found = problems([{ ...consistent, [QUANT.id]: "R-404" }, consistent, consistent]);
    expect(found.map((p) => p.code)).toEqual(expect.arrayContaining(["missing-risk", "duplicate-id"]));
  });
});

describe("the Currency setting", () => {
  const settings = (value: CellValue) => tableOf("SettingsList", "Scales", [{ Setting: "Organisation", Value: "Acme" }, { Setting: "Currency", Value: value }], ["Setting", "Value"]);

  it("accepts an ISO 4217 code in any case", () => {
    expect(checkCurrency(settings("eur"))).toEqual([]);
  });

  it("names a code that is not ISO 4217, at its cell", () => {
    expect(checkCurrency(settings("EURO"))).toEqual([
      {
        code: "currency-unknown",
        severity: "error",
        sheet: "Scales",
        address: "B6",
        message: 'Currency "EURO" is not an ISO 4217 code; use three letters such as USD, EUR, GBP or JPY, then run Build to reformat the money figures.',
      },
    ]);
  });
});
