/**
 * Roles: who holds each security role, and who sits on the steering committee (ISO 27001 clause
 * 5.3, SOC 2 CC1.3, NIST CSF GV.RR-02, HIPAA 164.308(a)(2)).
 */
import { sampleRoles } from "../sample/governance";
import { date, text, yesNo } from "./fields";
import { REGISTER_TABLES } from "./tableNames";
import type { RegisterDeclaration } from "./types";

export const ROLES_TABLE = REGISTER_TABLES.roles;

export const ROLE = {
  role: "Role",
  person: "Person",
  responsibilities: "Responsibilities",
  committeeMember: "Committee Member",
  appointed: "Appointed",
} as const;

export const ROLES_REGISTER: RegisterDeclaration = {
  key: "roles",
  noun: "role",
  table: ROLES_TABLE,
  keyColumn: ROLE.role,
  sheet: { key: "program", name: "Program", tabColor: "#1F3864", title: "Roles", subtitle: "Security roles and the people who hold them.", freezeColumns: 1 },
  fields: () => [
    text(ROLE.role, 20, { wrap: true, aliases: ["Title", "Position"] }),
    text(ROLE.person, 16, { input: "The person who holds the role now.", aliases: ["Name", "Holder"] }),
    text(ROLE.responsibilities, 36, { wrap: true }),
    yesNo(ROLE.committeeMember, { width: 10, input: "Yes when the role sits on the security steering committee." }),
    date(ROLE.appointed, { input: "When the person was appointed to the role." }),
  ],
  seedRows: ({ sample, today }) => sampleRoles(sample, today),
};
