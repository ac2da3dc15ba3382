/**
 * The Control Matrix sheet: table `Controls`, seeded from the library, one mapping column per
 * framework in scope. The workbook is the source of truth afterwards; the library only seeds it.
 */
import { getFramework } from "../catalogs";
import { CONTROL_LIBRARY, LibraryControl } from "../controls";
import { FrameworkKey } from "../frameworkKeys";
import { findRequirement } from "../catalogs";
import { splitMappingCell } from "../coverage/mappingCells";
import { sampleControlStatus } from "../sample/controlStatus";
import { columnOf } from "../registers/columns";
import { REGISTER_TABLES } from "../registers/tableNames";
import type { FieldSpec, RegisterDeclaration, RowRule } from "../registers/types";
import { CellValue, ColumnSpec } from "./types";

export const CONTROLS_TABLE = REGISTER_TABLES.controls;
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
  evidenceMethod: "Evidence Method",
} as const;

/** How a control's evidence is collected: by a tool (exports, scans, logs, integrations) or by hand. */
export const EVIDENCE_METHODS = ["Automated", "Manual"] as const;

export const CONTROL_STATUSES = ["Not started", "Planned", "In progress", "Partially implemented", "Implemented", "Not applicable"] as const;
export const EFFECTIVENESS = ["Not tested", "Effective", "Partially effective", "Ineffective"] as const;

/** Mapping cells hold requirement IDs separated by "; ". */
export const MAPPING_SEPARATOR = "; ";

export function mappingColumnHeader(key: FrameworkKey): string {
  return getFramework(key).shortName;
}

function mappingField(key: FrameworkKey): FieldSpec {
  const values: Record<string, CellValue> = {};
  for (const control of CONTROL_LIBRARY) values[control.id] = (control.mappings[key] ?? []).join(MAPPING_SEPARATOR);
  return { header: mappingColumnHeader(key), type: { kind: "text" }, width: 24, wrap: true, valuesByKey: { when: "appended", values } };
}

const text = (header: string, width: number, more: Partial<FieldSpec> = {}): FieldSpec => ({ header, type: { kind: "text" }, width, ...more });

export function controlFields(frameworks: readonly FrameworkKey[]): FieldSpec[] {
  return [
    text(CONTROL.id, 9),
    text(CONTROL.name, 30, { wrap: true, required: true, aliases: ["Control Name", "Title", "Name"] }),
    text(CONTROL.description, 44, { wrap: true, aliases: ["Details", "Control Description"] }),
    text(CONTROL.element, 18, { aliases: ["Element", "Domain"] }),
    { header: CONTROL.type, type: { kind: "choice", values: ["Administrative", "Technical", "Physical"] }, width: 13 },
    { header: CONTROL.function, type: { kind: "choice", values: ["Preventive", "Detective", "Corrective"] }, width: 11 },
    text(CONTROL.owner, 18, { aliases: ["Control Owner"] }),
    { header: CONTROL.status, type: { kind: "choice", values: CONTROL_STATUSES }, width: 18, aliases: ["Implementation Status", "State"] },
    { header: CONTROL.effectiveness, type: { kind: "choice", values: EFFECTIVENESS }, width: 16, aliases: ["Test Result", "Operating Effectiveness"] },
    {
      header: CONTROL.maturity,
      type: { kind: "whole", min: 0, max: 5 },
      width: 8,
      align: "Center",
      input: "0 none, 1 initial, 2 repeatable, 3 defined, 4 managed, 5 optimised",
      aliases: ["Maturity Level", "CMM Level"],
    },
    { header: CONTROL.lastTested, type: { kind: "date" }, width: 11, aliases: ["Last Test", "Tested On", "Last Assessed"] },
    text(CONTROL.evidence, 30, { wrap: true, aliases: ["Evidence Location", "Artifacts"] }),
    {
      header: CONTROL.evidenceMethod,
      type: { kind: "choice", values: EVIDENCE_METHODS },
      width: 11,
      input: "Automated when a tool collects the evidence (configuration exports, scan results, logs); Manual when someone gathers it.",
      aliases: ["Collection Method", "Evidence Collection"],
    },
    ...frameworks.map(mappingField),
  ];
}

/** Blueprint columns of the matrix: the library's columns, then one mapping column per framework. */
export function controlColumns(frameworks: readonly FrameworkKey[]): ColumnSpec[] {
  return controlFields(frameworks).map(columnOf);
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
    [CONTROL.evidenceMethod]: sample ? sampleEvidenceMethod(control, index) : "",
  };
  for (const key of frameworks) row[mappingColumnHeader(key)] = (control.mappings[key] ?? []).join(MAPPING_SEPARATOR);
  return row;
}

/** Sample: technical controls are mostly evidenced by tools (two in three), the others by hand. */
function sampleEvidenceMethod(control: LibraryControl, index: number): (typeof EVIDENCE_METHODS)[number] {
  return control.type === "Technical" && index % 3 !== 0 ? "Automated" : "Manual";
}

/** Requirement IDs the framework has (spelled as it spells them), a mapping on every control, evidence and a test date for implemented ones. */
const CONTROL_RULES: readonly RowRule[] = [
  (row, label, report, { frameworks }) => {
    const columns = frameworks.map((key) => ({ key, header: mappingColumnHeader(key) }));
    for (const column of columns) {
      for (const typed of splitMappingCell(row.text(column.header))) {
        const requirement = findRequirement(column.key, typed);
        if (!requirement)
          report(row, column.header, "unknown-requirement", "error", `${label}: ${column.header} requirement "${typed}" does not exist.`);
        else if (requirement.id !== typed)
          report(row, column.header, "requirement-spelling", "warning", `${label}: ${column.header} requirement "${typed}" should be written "${requirement.id}".`);
      }
    }
    if (columns.length > 0 && columns.every((c) => row.text(c.header) === ""))
      report(row, columns[0].header, "no-mapping", "warning", `${label}: control is not mapped to any framework requirement.`);
  },
  (row, label, report, { tables }) => {
    if (row.text(CONTROL.status).toLowerCase() !== "implemented") return;
    const headers = new Set((tables.get(CONTROLS_TABLE.toLowerCase())?.headers ?? []).map((h) => h.trim().toLowerCase()));
    if (headers.has(CONTROL.evidence.toLowerCase()) && !row.text(CONTROL.evidence))
      report(row, CONTROL.evidence, "implemented-without-evidence", "warning", `${label}: control is Implemented but no evidence is recorded.`);
    if (headers.has(CONTROL.lastTested.toLowerCase()) && !row.text(CONTROL.lastTested))
      report(row, CONTROL.lastTested, "implemented-untested", "warning", `${label}: control is Implemented but has no Last Tested date.`);
  },
];

export const CONTROL_MATRIX: RegisterDeclaration = {
  key: "controls",
  noun: "control",
  table: CONTROLS_TABLE,
  keyColumn: CONTROL.id,
  sheet: {
    key: "controls",
    name: CONTROL_MATRIX_SHEET,
    tabColor: "#548235",
    title: "Control matrix",
    subtitle:
      "One row per control. Framework columns hold the requirement IDs a control meets, separated by \"; \". " +
      "Add your own controls freely; coverage credits a mapping through its row on the Mappings sheet (Check lists IDs that have none).",
    freezeColumns: 2,
  },
  fields: ({ frameworks }) => controlFields(frameworks),
  seedRows: ({ frameworks, sample, today }) => CONTROL_LIBRARY.map((c, i) => seedRow(c, i, frameworks, sample, today)),
  rules: CONTROL_RULES,
};
