/**
 * Raci: who is Responsible, Accountable, Consulted and Informed for each activity of the eight
 * program elements, one row per activity (long form, so it filters and pivots). Every element has
 * exactly one Accountable: Check names any that has none or several.
 */
import { PROGRAM_ELEMENT_NAMES } from "../program/elements";
import type { RowView } from "../check/tableData";
import { sampleRaci } from "../sample/governance";
import { choice, text } from "./fields";
import { splitIds } from "./checks";
import { REGISTER_TABLES } from "./tableNames";
import type { RegisterDeclaration, TableRule } from "./types";

export const RACI_TABLE = REGISTER_TABLES.raci;

export const RACI = {
  element: "Element",
  activity: "Activity",
  responsible: "Responsible",
  accountable: "Accountable",
  consulted: "Consulted",
  informed: "Informed",
} as const;

/** The people an element's rows name as Accountable (case-insensitive, in first-seen spelling); a cell may list several. */
export function accountablesByElement(rows: readonly RowView[]): Map<string, string[]> {
  const found = new Map<string, string[]>(PROGRAM_ELEMENT_NAMES.map((e) => [e.toLowerCase(), []]));
  for (const row of rows) {
    const element = row.text(RACI.element).toLowerCase();
    if (!found.has(element)) continue;
    const names = found.get(element)!;
    for (const name of splitIds(row.text(RACI.accountable))) if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return found;
}

const exactlyOneAccountable: TableRule = (rows, report, reportTable) => {
  const byElement = accountablesByElement(rows);
  for (const element of PROGRAM_ELEMENT_NAMES) {
    const names = byElement.get(element.toLowerCase())!;
    if (names.length === 1) continue;
    const first = rows.find((r) => r.text(RACI.element).toLowerCase() === element.toLowerCase());
    const message =
      names.length === 0
        ? `${element} has no Accountable: name exactly one person or role accountable for it.`
        : `${element} has ${names.length} Accountables (${names.join(", ")}): an element has exactly one.`;
    if (first) report(first, RACI.accountable, names.length === 0 ? "element-without-accountable" : "element-several-accountable", "error", message);
    else reportTable(RACI.element, "element-without-accountable", "error", message);
  }
};

export const RACI_REGISTER: RegisterDeclaration = {
  key: "raci",
  noun: "activity",
  table: RACI_TABLE,
  keyColumn: RACI.activity,
  uniqueTogether: [RACI.element, RACI.activity],
  sheet: { key: "program", name: "Program", tabColor: "#1F3864", title: "RACI", subtitle: "Who is responsible, accountable, consulted and informed.", freezeColumns: 1 },
  fields: () => [
    choice(RACI.element, PROGRAM_ELEMENT_NAMES, 16, { required: true, input: "One of the program's eight elements." }),
    text(RACI.activity, 28, { wrap: true, aliases: ["Task", "Process"] }),
    text(RACI.responsible, 16, { wrap: true, input: "Who does the work (several allowed, separated by ;)." }),
    text(RACI.accountable, 14, { wrap: true, input: "The one person or role who answers for it: one per element." }),
    text(RACI.consulted, 16, { wrap: true }),
    text(RACI.informed, 16, { wrap: true }),
  ],
  seedRows: () => sampleRaci(),
  tableRules: [exactlyOneAccountable],
};
