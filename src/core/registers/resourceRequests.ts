/**
 * ResourceRequests: what the security program asks leadership for at the management review
 * (ISO 27001 clause 9.3.2 resources, 7.1), with the amount, why, and what was decided.
 */
import { sampleResourceRequests } from "../sample/governance";
import { choice, decimal, text } from "./fields";
import { REGISTER_TABLES } from "./tableNames";
import type { RegisterDeclaration } from "./types";

export const RESOURCE_REQUESTS_TABLE = REGISTER_TABLES.resourceRequests;

export const RESOURCE_REQUEST = { request: "Request", amount: "Amount", justification: "Justification", decision: "Decision" } as const;
export const RESOURCE_DECISIONS = ["Pending", "Approved", "Approved in part", "Deferred", "Rejected"] as const;

export const RESOURCE_REQUESTS_REGISTER: RegisterDeclaration = {
  key: "resourceRequests",
  noun: "request",
  table: RESOURCE_REQUESTS_TABLE,
  keyColumn: RESOURCE_REQUEST.request,
  sheet: { key: "managementReview", name: "Management Review", tabColor: "#1F3864", title: "Resource requests", subtitle: "", freezeColumns: 0 },
  fields: () => [
    text(RESOURCE_REQUEST.request, 30, { wrap: true, aliases: ["Item", "Title"] }),
    decimal(RESOURCE_REQUEST.amount, { min: 0 }, { width: 11, align: "Right", numberFormat: "#,##0", input: "Cost per year, or once, in the workbook's currency." }),
    choice(RESOURCE_REQUEST.decision, RESOURCE_DECISIONS, 12, { required: true, input: "Pending, Approved, Approved in part, Deferred or Rejected." }),
    // Last, so the printed review gives it the wide column.
    text(RESOURCE_REQUEST.justification, 30, { wrap: true }),
  ],
  seedRows: ({ sample }) => (sample ? sampleResourceRequests() : []),
};
