/**
 * The ISO 27001 Statement of Applicability: all 93 Annex A controls with applicability and
 * justification, implementation status and the controls that give each one its credit, all read
 * from the Requirements sheet, so the SoA follows the same credit rule as coverage.
 */
import { getFramework } from "../catalogs";
import { REQUIREMENT, REQUIREMENTS_TABLE } from "./requirementsSheet";
import { SUBTITLE, TABLE_STYLE, TITLE, widthFor } from "./style";
import { CellValue, SheetSpec, tableColumn, thisRow } from "./types";

export const SOA_TABLE = "SoA";
export const SOA_SHEET = "Statement of Applicability";

export const SOA = {
  control: "Annex A Control",
  name: "Control Name",
  theme: "Theme",
  applicable: "Applicable",
  justification: "Justification",
  status: "Implementation Status",
  controls: "Implemented By",
} as const;

const lookup = (column: string) =>
  `=IFERROR(INDEX(${tableColumn(REQUIREMENTS_TABLE, column)},MATCH(${thisRow(SOA_TABLE, SOA.control)},${tableColumn(REQUIREMENTS_TABLE, REQUIREMENT.id)},0))&"","")`;

export function soaSheet(): SheetSpec {
  const iso = getFramework("ISO27001");
  const titles = new Map(iso.requirements.map((r) => [r.id, r.title]));
  const annexA = iso.requirements.filter((r) => /^A\.\d+\.\d+$/.test(r.id));
  const seedRows: Array<Record<string, CellValue>> = annexA.map((r) => ({
    [SOA.control]: r.id,
    [SOA.name]: r.title,
    [SOA.theme]: r.parent ? (titles.get(r.parent) ?? r.parent) : "",
  }));
  return {
    key: "soa",
    name: SOA_SHEET,
    tabColor: "#BF8F00",
    ownerTable: SOA_TABLE,
    blocks: [
      { address: "A1", values: [["Statement of Applicability (ISO/IEC 27001:2022 Annex A)"]], format: TITLE },
      {
        address: "A2",
        values: [[
          "Applicability and justification come from the Requirements sheet (edit them there); implementation status and Implemented By follow the credit rule of the Mappings sheet.",
        ]],
        format: SUBTITLE,
      },
    ],
    tables: [
      {
        name: SOA_TABLE,
        anchor: "A4",
        style: TABLE_STYLE,
        keyColumns: [SOA.control],
        appendMissing: true,
        columns: [
          { header: SOA.control, width: widthFor(10) },
          { header: SOA.name, width: widthFor(36), wrapText: true },
          { header: SOA.theme, width: widthFor(14) },
          { header: SOA.applicable, width: widthFor(10), horizontalAlignment: "Center", formula: lookup(REQUIREMENT.applicable) },
          { header: SOA.justification, width: widthFor(36), wrapText: true, formula: lookup(REQUIREMENT.justification) },
          { header: SOA.status, width: widthFor(20), formula: lookup(REQUIREMENT.implementation) },
          { header: SOA.controls, width: widthFor(24), wrapText: true, formula: lookup(REQUIREMENT.creditedBy) },
        ],
        seedRows,
      },
    ],
    names: [],
    freeze: { rows: 4, columns: 1 },
    print: { orientation: "Landscape", fitToWidth: true, titleRows: "$4:$4" },
  };
}
