/**
 * The Program sheet: the charter (Field | Value), and the Roadmap, Roles, Raci and Meetings
 * registers side by side, so each table grows down without meeting another.
 * The charter is a per-row block (named CharterList), not a table: its values mix text, dates and
 * money, each row with its own number format, which one table column cannot give.
 */
import { asLiteralText } from "../literalText";
import { MEETINGS_REGISTER } from "../registers/meetings";
import { RACI_REGISTER } from "../registers/raci";
import { ROADMAP_REGISTER } from "../registers/roadmap";
import { ROLES_REGISTER } from "../registers/roles";
import { registerTable } from "../registers/sheet";
import type { RegisterDeclaration, SeedContext } from "../registers/types";
import { sampleCharter } from "../sample/governance";
import { SECTION, SUBTITLE, TITLE, widthFor } from "./style";
import { BlockSpec, RowBlockSpec, SheetSpec } from "./types";
import { DATE_FORMAT } from "./vocabulary";

export const PROGRAM_SHEET = "Program";
export const CHARTER_BLOCK = "CharterList";

export const CHARTER = {
  programName: "Program Name",
  programOwner: "Program Owner",
  scope: "Scope",
  authority: "Authority",
  approvedBy: "Approved By",
  approvedOn: "Approved On",
  nextReview: "Next Charter Review",
  budgetApproved: "Budget Approved",
  budgetSpent: "Budget Spent",
  reportingLine: "Reporting Line",
} as const;

export const CHARTER_FIELDS: readonly string[] = Object.values(CHARTER);
const CHARTER_FORMATS: Readonly<Record<string, string>> = {
  [CHARTER.approvedOn]: DATE_FORMAT,
  [CHARTER.nextReview]: DATE_FORMAT,
  [CHARTER.budgetApproved]: "#,##0",
  [CHARTER.budgetSpent]: "#,##0",
};

/** The Program sheet's registers, left to right, each with the column its table starts in. */
export const PROGRAM_TABLES: ReadonlyArray<{ register: RegisterDeclaration; anchor: string }> = [
  { register: ROADMAP_REGISTER, anchor: "D5" },
  { register: ROLES_REGISTER, anchor: "L5" },
  { register: RACI_REGISTER, anchor: "R5" },
  { register: MEETINGS_REGISTER, anchor: "Y5" },
];

function charterBlock(context: SeedContext, organisation: string): RowBlockSpec {
  const values: Record<string, string | number> = context.sample ? sampleCharter(context.today, asLiteralText(organisation)) : {};
  return {
    name: CHARTER_BLOCK,
    anchor: "A5",
    columns: [
      { header: "Field", width: widthFor(18) },
      { header: "Value", width: widthFor(34) },
    ],
    rows: CHARTER_FIELDS.map((field) => ({ Field: field, Value: values[field] ?? null })),
    rowFormats: CHARTER_FIELDS.map((field) => ({ Value: CHARTER_FORMATS[field] ?? "General" })),
  };
}

export function programSheet(context: SeedContext, organisation: string): SheetSpec {
  const captions: BlockSpec[] = [
    { address: "A4", values: [["Charter"]], format: SECTION },
    ...PROGRAM_TABLES.map(({ register, anchor }) => ({ address: anchor.replace(/\d+$/, "4"), values: [[register.sheet.title]], format: SECTION })),
  ];
  return {
    key: "program",
    name: PROGRAM_SHEET,
    tabColor: "#1F3864",
    ownerTable: ROADMAP_REGISTER.table,
    blocks: [
      { address: "A1", values: [["Information security program"]], format: TITLE },
      {
        address: "A2",
        values: [["The charter (who owns the program, its scope, authority and budget), the roadmap, the roles, who is accountable for each element (RACI), and the meetings where leadership reviews it."]],
        format: SUBTITLE,
      },
      ...captions,
    ],
    tables: PROGRAM_TABLES.map(({ register, anchor }) => registerTable(register, context, anchor)),
    rowBlocks: [charterBlock(context, organisation)],
    names: [],
    freeze: { rows: 5, columns: 0 },
    print: { orientation: "Landscape", fitToWidth: false, titleRows: "$5:$5" },
  };
}
