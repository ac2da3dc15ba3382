/**
 * Roadmap: the phased build plan of the program (ISO 27001 clause 6.2 planning, NIST CSF GV.RR),
 * one row per phase with its weeks, owner, status and progress. Seeded with the six phases.
 */
import { sampleRoadmap } from "../sample/governance";
import { choice, percent, text, whole } from "./fields";
import { REGISTER_TABLES } from "./tableNames";
import type { RegisterDeclaration, RowRule } from "./types";
import { numberIn } from "./values";

export const ROADMAP_TABLE = REGISTER_TABLES.roadmap;

export const ROADMAP = {
  phase: "Phase",
  startWeek: "Start Week",
  endWeek: "End Week",
  owner: "Owner",
  status: "Status",
  done: "Done %",
  evidence: "Evidence",
} as const;

export const ROADMAP_STATUSES = ["Not started", "In progress", "Complete", "On hold"] as const;

/** The phased build plan; Continuous improvement has no end. */
export const ROADMAP_PHASES = [
  { phase: "Establish governance", start: 1, end: 2 },
  { phase: "Risk assessment", start: 3, end: 6 },
  { phase: "Policies", start: 4, end: 8 },
  { phase: "Controls", start: 6, end: 16 },
  { phase: "Monitoring", start: 10, end: 16 },
  { phase: "Continuous improvement", start: 17, end: null },
] as const;

const ROADMAP_RULES: readonly RowRule[] = [
  (row, label, report) => {
    const start = numberIn(row, ROADMAP.startWeek);
    const end = numberIn(row, ROADMAP.endWeek);
    if (start !== undefined && end !== undefined && end < start) report(row, ROADMAP.endWeek, "weeks-out-of-order", "error", `${label}: End Week (${end}) is before Start Week (${start}).`);
  },
  (row, label, report) => {
    const done = numberIn(row, ROADMAP.done);
    if (row.text(ROADMAP.status).toLowerCase() === "complete" && done !== undefined && done < 1)
      report(row, ROADMAP.done, "complete-not-done", "warning", `${label}: the phase is Complete but Done % is ${Math.round(done * 100)}%.`);
  },
];

export const ROADMAP_REGISTER: RegisterDeclaration = {
  key: "roadmap",
  noun: "phase",
  table: ROADMAP_TABLE,
  keyColumn: ROADMAP.phase,
  sheet: {
    key: "program",
    name: "Program",
    tabColor: "#1F3864",
    title: "Roadmap",
    subtitle: "The phased build plan, by week from the program's start.",
    freezeColumns: 1,
  },
  fields: () => [
    text(ROADMAP.phase, 22, { wrap: true, aliases: ["Stage", "Workstream"] }),
    whole(ROADMAP.startWeek, { min: 1 }, { width: 7, input: "Week the phase starts, counted from the program's start (week 1)." }),
    whole(ROADMAP.endWeek, { min: 1 }, { width: 7, input: "Week the phase ends; blank for an ongoing phase." }),
    text(ROADMAP.owner, 16),
    choice(ROADMAP.status, ROADMAP_STATUSES, 11, { required: true, input: "Not started, In progress, Complete or On hold." }),
    percent(ROADMAP.done, { width: 7, input: "How much of the phase is done, from 0% to 100%. Roadmap progress on the Dashboard is the average." }),
    text(ROADMAP.evidence, 30, { wrap: true, input: "Where the phase's output is: a document, a sheet, a ticket." }),
  ],
  seedRows: ({ sample, today }) => sampleRoadmap(sample, today),
  rules: ROADMAP_RULES,
};
