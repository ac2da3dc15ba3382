import type { Framework } from "./types";
import { flattenTree, type TreeNode } from "./tree";
import { FRAMEWORK_NAMES } from "./names";

const SAFEGUARDS: TreeNode[] = [
  ["314.4(a)", "Qualified Individual designated"],
  ["314.4(b)", "Written risk assessment"],
  ["314.4(c)", "Safeguards for assessed risks", [
    ["314.4(c)(1)", "Access controls, least privilege"],
    ["314.4(c)(2)", "Data and systems inventory"],
    ["314.4(c)(3)", "Customer data encrypted"],
    ["314.4(c)(4)", "Secure development of in-house apps"],
    ["314.4(c)(5)", "Multi-factor authentication"],
    ["314.4(c)(6)", "Secure disposal and retention limits"],
    ["314.4(c)(7)", "Change management"],
    ["314.4(c)(8)", "User activity monitoring and logging"],
  ]],
  ["314.4(d)", "Safeguards tested and monitored"],
  ["314.4(e)", "Staff security training"],
  ["314.4(f)", "Service provider oversight"],
  ["314.4(g)", "Program kept current"],
  ["314.4(h)", "Written incident response plan"],
  ["314.4(i)", "Annual report to the board"],
  ["314.4(j)", "Notify the FTC of breaches"],
];

export const GLBA: Framework = {
  ...FRAMEWORK_NAMES.GLBA,
  version: "16 CFR 314 (amended 2021, 2023)",
  source: "FTC, Standards for Safeguarding Customer Information, 16 CFR 314.4",
  requirements: flattenTree(SAFEGUARDS),
};
