/**
 * The Control Matrix sheet: table `Controls`, seeded from the library, one mapping column per
 * framework in scope. The workbook is the source of truth afterwards; the library only seeds it.
 */
import { getFramework } from "../catalogs";
import { CONTROL_LIBRARY, LibraryControl } from "../controls";
import { FrameworkKey } from "../frameworkKeys";
import { sampleControlStatus } from "../sample";
import { DATE_VALIDATION } from "./riskRegister";
import { SUBTITLE, TABLE_STYLE, TITLE, widthFor } from "./style";
import { CellValue, ColumnSpec, SheetSpec, ValidationSpec } from "./types";
import { DATE_FORMAT } from "./vocabulary";

export const CONTROLS_TABLE = "Controls";
export const CONTROL_MATRIX_SHEET = "Control Matrix";

export const CONTROL = {
  id: "Control ID",
  name: "Control",
  description: "Description",
  element: "ISMP Element",
  type: "Type",
  function: "Function",
  owner: "Owner",
  status: "Status",
  effectiveness: "Effectiveness",
  maturity: "Maturity",
  lastTested: "Last Tested",
  evidence: "Evidence",
} as const;

export const CONTROL_STATUSES = ["Not started", "Planned", "In progress", "Partially implemented", "Implemented", "Not applicable"] as const;
export const EFFECTIVENESS = ["Not tested", "Effective", "Partially effective", "Ineffective"] as const;

/** Mapping cells hold requirement IDs separated by "; ". */
export const MAPPING_SEPARATOR = "; ";

export function mappingColumnHeader(key: FrameworkKey): string {
  return getFramework(key).shortName;
}

const list = (what: string, values: readonly string[]): ValidationSpec => ({
  rule: { kind: "list", values },
  error: { title: `Invalid ${what.toLowerCase()}`, message: `${what} must be one of: ${values.join(", ")}.` },
});

function mappingColumn(key: FrameworkKey): ColumnSpec {
  const values: Record<string, CellValue> = {};
  for (const control of CONTROL_LIBRARY) values[control.id] = (control.mappings[key] ?? []).join(MAPPING_SEPARATOR);
  return { header: mappingColumnHeader(key), width: widthFor(24), wrapText: true, valuesByKey: { when: "appended", values } };
}

export function controlColumns(frameworks: readonly FrameworkKey[]): ColumnSpec[] {
  return [
    { header: CONTROL.id, width: widthFor(9) },
    { header: CONTROL.name, width: widthFor(30), wrapText: true },
    { header: CONTROL.description, width: widthFor(44), wrapText: true },
    { header: CONTROL.element, width: widthFor(18) },
    { header: CONTROL.type, width: widthFor(13), validation: list("Type", ["Administrative", "Technical", "Physical"]) },
    { header: CONTROL.function, width: widthFor(11), validation: list("Function", ["Preventive", "Detective", "Corrective"]) },
    { header: CONTROL.owner, width: widthFor(18) },
    { header: CONTROL.status, width: widthFor(18), validation: list("Status", CONTROL_STATUSES) },
    { header: CONTROL.effectiveness, width: widthFor(16), validation: list("Effectiveness", EFFECTIVENESS) },
    {
      header: CONTROL.maturity,
      width: widthFor(8),
      horizontalAlignment: "Center",
      validation: {
        rule: { kind: "whole", min: 0, max: 5 },
        prompt: { title: "Maturity", message: "0 none, 1 initial, 2 repeatable, 3 defined, 4 managed, 5 optimised" },
        error: { title: "Invalid maturity", message: "Maturity must be a whole number from 0 to 5." },
      },
    },
    { header: CONTROL.lastTested, width: widthFor(11), numberFormat: DATE_FORMAT, validation: DATE_VALIDATION },
    { header: CONTROL.evidence, width: widthFor(30), wrapText: true },
    ...frameworks.map(mappingColumn),
  ];
}

function seedRow(control: LibraryControl, index: number, frameworks: readonly FrameworkKey[], sample: boolean, today: Date): Record<string, CellValue> {
  const status = sample ? sampleControlStatus(control.id, index, today) : undefined;
  const row: Record<string, CellValue> = {
    [CONTROL.id]: control.id,
    [CONTROL.name]: control.name,
    [CONTROL.description]: control.description,
    [CONTROL.element]: control.element,
    [CONTROL.type]: control.type,
    [CONTROL.function]: control.function,
    [CONTROL.owner]: status?.Owner ?? "",
    [CONTROL.status]: status?.Status ?? "Not started",
    [CONTROL.effectiveness]: status?.Effectiveness ?? "Not tested",
    [CONTROL.maturity]: status?.Maturity ?? 0,
    [CONTROL.lastTested]: status?.["Last Tested"] ?? null,
    [CONTROL.evidence]: status?.Evidence ?? "",
  };
  for (const key of frameworks) row[mappingColumnHeader(key)] = (control.mappings[key] ?? []).join(MAPPING_SEPARATOR);
  return row;
}

export function controlMatrixSheet(frameworks: readonly FrameworkKey[], sample: boolean, today: Date): SheetSpec {
  return {
    key: "controls",
    name: CONTROL_MATRIX_SHEET,
    tabColor: "#548235",
    ownerTable: CONTROLS_TABLE,
    blocks: [
      { address: "A1", values: [["Control matrix"]], format: TITLE },
      {
        address: "A2",
        values: [[
          "One row per control. Framework columns hold the requirement IDs a control meets, separated by \"; \". " +
            "Add your own controls and edit mappings freely: coverage is computed from this table.",
        ]],
        format: SUBTITLE,
      },
    ],
    tables: [
      {
        name: CONTROLS_TABLE,
        anchor: "A4",
        style: TABLE_STYLE,
        columns: controlColumns(frameworks),
        keyColumns: [CONTROL.id],
        seedRows: CONTROL_LIBRARY.map((c, i) => seedRow(c, i, frameworks, sample, today)),
      },
    ],
    names: [],
    freeze: { rows: 4, columns: 2 },
    print: { orientation: "Landscape", fitToWidth: true, titleRows: "$4:$4" },
  };
}
