import { buildBlueprint, defaultOptions, withPrintDefaults } from "../../../src/core/blueprint";
import { SCALE_TABLES } from "../../../src/core/blueprint/scalesSheet";
import type { CellValue } from "../../../src/core/blueprint/types";
import { checkRegister, columnOf, GOVERNANCE_REGISTERS, REGISTERS, registerSheet, registerTable } from "../../../src/core/registers";
import type { FieldSpec, RegisterDeclaration } from "../../../src/core/registers/types";
import { registerContext } from "../../../src/core/check/checkWorkbook";
import { defaultScales } from "../../../src/core/scales";
import { tableOf } from "../check/tables";

const field = (header: string, type: FieldSpec["type"], more: Partial<FieldSpec> = {}): FieldSpec => ({ header, type, width: 10, ...more });

describe("a field's type gives its column", () => {
  it("dates and date-times get their number format and a date rule", () => {
    expect(columnOf(field("Opened", { kind: "date" }))).toMatchObject({ numberFormat: "yyyy-mm-dd", validation: { rule: { kind: "date" } } });
    expect(columnOf(field("Detected", { kind: "dateTime" }))).toMatchObject({
      numberFormat: "yyyy-mm-dd hh:mm",
      validation: { rule: { kind: "date" }, error: { message: "Enter a date and time, for example 2026-11-23 14:30." } },
    });
  });

  it("a choice is a drop-down naming its values; a Scales choice reads the Scales table; Yes/No is a list", () => {
    expect(columnOf(field("Status", { kind: "choice", values: ["Open", "Closed"] }, { input: "Open or Closed" })).validation).toEqual({
      rule: { kind: "list", values: ["Open", "Closed"] },
      prompt: { title: "Status", message: "Open or Closed" },
      error: { title: "Invalid status", message: "Status must be one of: Open, Closed." },
    });
    expect(columnOf(field("Category", { kind: "scaleChoice", table: SCALE_TABLES.categories, column: "Category", listName: "categories" })).validation?.rule).toEqual({
      kind: "listFrom",
      source: "={col:Categories[Category]}",
    });
    expect(columnOf(field("Notified", { kind: "yesNo" })).validation?.rule).toEqual({ kind: "list", values: ["Yes", "No"] });
  });

  it("numbers get a range rule, percentages 0% to 100%; a calculated column has no rule", () => {
    expect(columnOf(field("Assigned", { kind: "whole", min: 0 })).validation?.error.message).toBe("Assigned must be a whole number of 0 or more.");
    expect(columnOf(field("Share", { kind: "percent" }))).toMatchObject({ numberFormat: "0%", validation: { rule: { kind: "decimal", min: 0, max: 1 } } });
    expect(columnOf(field("Rate", { kind: "percent" }, { formula: "=1" })).validation).toBeUndefined();
  });
});

const WIDGETS: RegisterDeclaration = {
  key: "widgets",
  noun: "widget",
  table: "Widgets",
  keyColumn: "Widget ID",
  sheet: { key: "widgets", name: "Widgets", tabColor: "#000000", title: "Widgets", subtitle: "", freezeColumns: 1 },
  fields: () => [
    field("Widget ID", { kind: "text" }),
    field("Name", { kind: "text" }, { required: true }),
    field("Colour", { kind: "choice", values: ["Red", "Blue"] }),
    field("Made", { kind: "date" }),
    field("Shipped", { kind: "date" }),
    field("Parts", { kind: "whole", min: 0, max: 9 }),
    field("Risk IDs", { kind: "ids", register: "Risks", multiple: true }),
    field("Score", { kind: "whole" }, { formula: "=1" }),
  ],
  dateOrder: [["Made", "Shipped"]],
};
const HEADERS = WIDGETS.fields({ scales: defaultScales(), frameworks: [] }).map((f) => f.header);

function check(rows: Array<Record<string, CellValue>>) {
  const widgets = tableOf("Widgets", "Widgets", rows, HEADERS);
  const risks = tableOf("Risks", "Risk Register", [{ "Risk ID": "R-001" }], ["Risk ID"]);
  const context = registerContext({ tables: [widgets, risks], lists: new Map(), scales: defaultScales(), frameworks: [], today: 46000 });
  return checkRegister(WIDGETS, widgets, context).map((p) => [p.code, p.address, p.message]);
}

describe("Check's generic rules come from the declaration", () => {
  const good = { "Widget ID": "W-1", Name: "Gear", Colour: "Red", Made: 45000, Shipped: 45001, Parts: 3, "Risk IDs": "r-001" };

  it("finds nothing in a clean row", () => {
    expect(check([good])).toEqual([]);
  });

  it("reports blank and repeated IDs, required blanks, values outside the list or range, text dates, dates out of order and unknown IDs", () => {
    expect(check([good, { ...good, Name: "", Colour: "Green", Made: "soon", Parts: 12, "Risk IDs": "R-001; R-404" }, { ...good, "Widget ID": "w-1", Shipped: 44000 }, { Name: "x" }])).toEqual([
      ["duplicate-id", "A5", "W-1: Widget ID is used more than once."],
      ["duplicate-id", "A6", "W-1: Widget ID is used more than once."],
      ["required-blank", "B6", "W-1: Name is required."],
      ["outside-list", "C6", 'W-1: Colour "Green" is not one of Red, Blue.'],
      ["not-a-date", "D6", 'W-1: Made "soon" is not a date.'],
      ["outside-scale", "F6", 'W-1: Parts "12" must be a whole number from 0 to 9.'],
      ["missing-risk", "G6", "W-1: risk R-404 is not in the Risk Register."],
      ["duplicate-id", "A7", "w-1: Widget ID is used more than once."],
      ["dates-out-of-order", "E7", "w-1: Shipped is before Made."],
      ["blank-id", "A8", "Row 4: Widget ID is blank."],
    ]);
  });
});

describe("every register is declared the same way", () => {
  it("Risks, Assets and Controls are registers whose sheets the blueprint builds from their declarations", () => {
    expect(REGISTERS.slice(0, 3).map((r) => r.table)).toEqual(["Risks", "Assets", "Controls"]);
    const options = { ...defaultOptions("saas"), sample: true };
    const today = new Date(2026, 10, 23);
    const blueprint = buildBlueprint(options, { today });
    const context = { scales: defaultScales(options.matrixSize, options.method), frameworks: options.frameworks, sample: true, today };
    for (const register of REGISTERS) {
      const built = blueprint.sheets.find((s) => s.key === register.sheet.key);
      if (!built) continue;
      if (GOVERNANCE_REGISTERS.includes(register)) {
        // Governance registers share a sheet (Program, Management Review): each table is the declaration's, where that sheet anchors it.
        const table = built.tables.find((t) => t.name === register.table)!;
        expect(table).toEqual(registerTable(register, context, table.anchor));
        continue;
      }
      // The blueprint adds every sheet's print defaults (footer, scale) on top of the declaration's own sheet.
      expect(built).toEqual(withPrintDefaults(registerSheet(register, { scales: defaultScales(options.matrixSize, options.method), frameworks: options.frameworks, sample: true, today }), options.organisation));
    }
  });
});
