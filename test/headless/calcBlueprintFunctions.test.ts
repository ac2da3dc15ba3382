/**
 * The calculator knows every worksheet function the blueprint writes (#17): a function it lacks would
 * leave cells without a cached value in every file the CLI writes, and a blank grid in the demo.
 * Walks every formula of a sample build of each profile with all frameworks (cells, defined names,
 * validation and conditional-format rules), so a new sheet or register is covered without listing it;
 * and in each of those builds every formula cell but the ISMP.* calls gets a cached value.
 */
import { defaultOptions, PROFILE_KEYS, type BuildOptions } from "../../src/core/blueprint/options";
import { FRAMEWORK_KEYS } from "../../src/core/frameworkKeys";
import { buildWorkbook } from "../../src/excel/build";
import { cacheFormulaValues, createWorkbook, run, type HeadlessWorkbook } from "../../src/headless";
import { lookupFunction } from "../../src/headless/calc/functions";
import { parseFormula, type FormulaNode } from "../../src/headless/calc";

/** Add-in custom functions: Excel computes them with the add-in loaded; files carry no value for them. */
const CUSTOM_FUNCTION = /^ISMP\./i;

function callsIn(node: FormulaNode, into: Set<string>): void {
  switch (node.type) {
    case "call":
      into.add(node.name.toUpperCase().replace(/^_XLFN\./, ""));
      for (const arg of node.args) callsIn(arg, into);
      break;
    case "unary":
    case "percent":
      callsIn(node.operand, into);
      break;
    case "binary":
      callsIn(node.left, into);
      callsIn(node.right, into);
      break;
    default:
  }
}

/** Every formula text the workbook holds, with where it is. */
function formulasOf(workbook: HeadlessWorkbook): Array<{ where: string; formula: string }> {
  const found: Array<{ where: string; formula: string }> = [];
  const add = (where: string, formula: unknown) => {
    if (typeof formula === "string" && formula.startsWith("=")) found.push({ where, formula });
  };
  for (const name of workbook.names) add(`name ${name.name}`, name.formula);
  for (const sheet of workbook.sheets) {
    for (const name of sheet.names) add(`${sheet.name} name ${name.name}`, name.formula);
    for (const [row, cells] of sheet.rows) for (const [col, cell] of cells) add(`${sheet.name} R${row + 1}C${col + 1}`, cell.formula);
    for (const validation of sheet.validations) {
      const { rule } = validation;
      add(`${sheet.name} validation`, rule.list?.source);
      add(`${sheet.name} validation`, rule.custom?.formula);
      for (const basic of [rule.wholeNumber, rule.decimal, rule.date, rule.textLength]) {
        add(`${sheet.name} validation`, basic?.formula1);
        add(`${sheet.name} validation`, basic?.formula2);
      }
    }
    for (const format of sheet.conditionalFormats) {
      for (const formula of [format.rule.formula, format.rule.formula1, format.rule.formula2]) add(`${sheet.name} conditional format`, formula);
    }
  }
  return found;
}

const builds: Array<[string, BuildOptions]> = [
  ...PROFILE_KEYS.map((profile): [string, BuildOptions] => [`${profile}, all frameworks, sample data`, { ...defaultOptions(profile), frameworks: [...FRAMEWORK_KEYS], sample: true }]),
  ["general, lookup-matrix scoring, 6×6, sample data", { ...defaultOptions("general"), method: "matrix", matrixSize: 6, sample: true }],
];

describe("every function the blueprint uses is in the headless calculator", () => {
  const used = new Map<string, string>();
  const unparsed: string[] = [];
  /** Per build: formula cells the file would carry without a value, by reason. */
  const withoutValue = new Map<string, Record<string, number>>();

  beforeAll(async () => {
    for (const [name, options] of builds) {
      const workbook = createWorkbook();
      await run(workbook, (context) => buildWorkbook(context, options, new Date(2026, 10, 23)));
      withoutValue.set(name, cacheFormulaValues(workbook).withoutValueBy);
      for (const { where, formula } of formulasOf(workbook)) {
        let tree: FormulaNode;
        try {
          tree = parseFormula(formula);
        } catch (error) {
          unparsed.push(`${where}: ${formula} (${(error as Error).message})`);
          continue;
        }
        const calls = new Set<string>();
        callsIn(tree, calls);
        for (const name of calls) if (!used.has(name)) used.set(name, `${where}: ${formula.slice(0, 120)}`);
      }
    }
  }, 120_000);

  it("parses every formula", () => {
    expect(unparsed).toEqual([]);
  });

  it("implements every function called (custom ISMP.* functions aside)", () => {
    expect(used.size).toBeGreaterThan(15);
    const missing = [...used].filter(([name]) => !CUSTOM_FUNCTION.test(name) && !lookupFunction(name)).map(([name, example]) => `${name} (first used at ${example})`);
    expect(missing).toEqual([]);
  });

  it("leaves no formula cell without a cached value except calls of ISMP.* custom functions", () => {
    for (const [name, reasons] of withoutValue) {
      expect({ name, reasons: Object.keys(reasons).filter((reason) => !/^custom function ISMP\./.test(reason)) }).toEqual({ name, reasons: [] });
      expect({ name, customFunctionCells: Object.values(reasons).reduce((sum, n) => sum + n, 0) }).toEqual({ name, customFunctionCells: expect.any(Number) });
    }
    expect(withoutValue.size).toBe(builds.length);
  });
});
