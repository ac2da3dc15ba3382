import type { Framework } from "./types";
import { flattenTree, type TreeNode } from "./tree";
import { FRAMEWORK_NAMES } from "./names";

// The security-relevant subset of the GDPR: Article 32 in full plus the articles a security program evidences.
const ARTICLES: TreeNode[] = [
  ["Art.5(1)(f)", "Integrity and confidentiality principle"],
  ["Art.24", "Controller accountability"],
  ["Art.25", "Data protection by design and default"],
  ["Art.28", "Processor contracts and guarantees"],
  ["Art.30", "Records of processing activities"],
  ["Art.32", "Security of processing", [
    ["Art.32(1)", "Risk-appropriate security measures", [
      ["Art.32(1)(a)", "Pseudonymisation and encryption"],
      ["Art.32(1)(b)", "Ongoing confidentiality, integrity, resilience"],
      ["Art.32(1)(c)", "Timely restore after incidents"],
      ["Art.32(1)(d)", "Regular testing of measures"],
    ]],
    ["Art.32(2)", "Security level weighs processing risks"],
    ["Art.32(3)", "Codes or certification as evidence"],
    ["Art.32(4)", "Staff process only on instruction"],
  ]],
  ["Art.33", "Breach notice to supervisory authority"],
  ["Art.34", "Breach notice to data subjects"],
  ["Art.35", "Data protection impact assessment"],
];

export const GDPR: Framework = {
  ...FRAMEWORK_NAMES.GDPR,
  version: "Regulation (EU) 2016/679: Art. 5(1)(f), 24, 25, 28, 30, 32, 33, 34, 35",
  source:
    "European Parliament and Council, Regulation (EU) 2016/679 (GDPR). Not covered: lawful basis and principles (Art. 5-11), " +
    "data subject rights (Art. 12-23), DPO (Art. 37-39), international transfers (Art. 44-50)",
  requirements: flattenTree(ARTICLES),
};
