/**
 * Vendors: third parties with their tier (data access × business impact, from the Scales sheet's
 * VendorTiers), assessment cadence, score, contract terms, DPA and BAA, and assurance report
 * (ISO 27001 A.5.19–A.5.22, SOC 2 CC9.2, HIPAA 164.308(b), GDPR Art. 28, NIST CSF GV.SC).
 * VendorQuestions holds the weighted questionnaire and VendorAnswers each vendor's answers, in
 * long form; the questionnaire score is Σ weight × credit ÷ Σ weight (Yes 1, Partial ½, No 0,
 * N/A left out), from helper columns on the answers so the cost grows with the rows.
 */
import { OPERATIONS_SCALE_TABLES, OPS_SCALE, VENDOR_DATA_ACCESS, VENDOR_IMPACTS } from "../blueprint/operationsScales";
import { ALERT } from "../blueprint/style";
import { tableColumn, thisRow } from "../blueprint/types";
import { filledRows, type RowView } from "../check/tableData";
import { formatDate } from "../excelDate";
import { sampleVendorAnswers, sampleVendors } from "../sample/vendors";
import { monthsAfter } from "./calculated";
import { choice, date, ids, percent, text, whole, yesNo } from "./fields";
import { REGISTER_TABLES } from "./tableNames";
import type { ComputeContext, FieldSpec, RegisterDeclaration, RowRule } from "./types";
import { folded, lookupNumber, numberIn, orBlank } from "./values";
import { VENDOR_QUESTIONS } from "./vendorQuestionnaire";

export const VENDORS_TABLE = REGISTER_TABLES.vendors;
export const VENDOR_QUESTIONS_TABLE = REGISTER_TABLES.vendorQuestions;
export const VENDOR_ANSWERS_TABLE = REGISTER_TABLES.vendorAnswers;

export const VENDOR = {
  id: "Vendor ID",
  name: "Name",
  service: "Service",
  owner: "Owner",
  dataAccess: "Data Access",
  businessImpact: "Business Impact",
  tier: "Tier",
  reviewEvery: "Review Every (months)",
  lastAssessed: "Last Assessed",
  externalScore: "External Score",
  questionnaireScore: "Questionnaire Score",
  score: "Score",
  nextAssessment: "Next Assessment",
  assessmentOverdue: "Assessment Overdue",
  contractTerms: "Contract Security Terms",
  dpa: "DPA",
  baa: "BAA",
  assuranceReport: "Assurance Report",
  reportExpiry: "Report Expiry",
  subprocessor: "Subprocessor",
  riskIds: "Risk IDs",
  status: "Status",
} as const;

export const VENDOR_QUESTION = { id: "Question ID", domain: "Domain", question: "Question", weight: "Weight" } as const;
export const VENDOR_ANSWER = { vendorId: "Vendor ID", questionId: "Question ID", answer: "Answer", comment: "Comment", weight: "Weight", credit: "Credit", points: "Points" } as const;

export const AGREEMENT_VALUES = ["Yes", "No", "Not needed"] as const;
export const ASSURANCE_REPORTS = ["SOC 2 Type II", "ISO 27001 certificate", "Other", "None"] as const;
export const VENDOR_STATUSES = ["Onboarding", "Active", "Offboarded"] as const;
export const ANSWERS = ["Yes", "Partial", "No", "N/A"] as const;
/** Statuses of a vendor in service: assessments are due, Check's Tier 1 rules apply. */
const IN_SERVICE = ["onboarding", "active"];
/** Credit of each answer; N/A (and anything else) has none and is left out of the score. */
export const ANSWER_CREDIT: Readonly<Record<string, number>> = { yes: 1, partial: 0.5, no: 0 };

const v = (column: string) => thisRow(VENDORS_TABLE, column);
const a = (column: string) => thisRow(VENDOR_ANSWERS_TABLE, column);
const tiers = (column: string) => tableColumn(OPERATIONS_SCALE_TABLES.vendorTiers, column);
const answers = (column: string) => tableColumn(VENDOR_ANSWERS_TABLE, column);
const questions = (column: string) => tableColumn(VENDOR_QUESTIONS_TABLE, column);

/**
 * MINIFS(VendorTiers[column], by data access and impact) when a row matches, as the formula reads
 * it: the lowest number among the matching rows (0 when none of them holds a number).
 */
function tierTableValue(row: RowView, context: Pick<ComputeContext, "tables">, column: string): number | undefined {
  const access = folded(row, VENDOR.dataAccess);
  const impact = folded(row, VENDOR.businessImpact);
  if (!access || !impact) return undefined;
  const table = context.tables.get(OPERATIONS_SCALE_TABLES.vendorTiers.toLowerCase());
  const matches = table ? filledRows(table).filter((r) => folded(r, OPS_SCALE.dataAccess) === access && folded(r, OPS_SCALE.businessImpact) === impact) : [];
  if (matches.length === 0) return undefined;
  const numbers = matches.map((r) => numberIn(r, column)).filter((n): n is number => n !== undefined);
  return numbers.length > 0 ? Math.min(...numbers) : 0;
}

export const vendorTier = (row: RowView, context: Pick<ComputeContext, "tables">) => tierTableValue(row, context, OPS_SCALE.tier);
export const vendorReviewMonths = (row: RowView, context: Pick<ComputeContext, "tables">) => tierTableValue(row, context, OPS_SCALE.reviewEvery);

/** An answer's credit: Yes 1, Partial 0.5, No 0; undefined for N/A or anything else. */
export const answerCredit = (row: RowView): number | undefined => ANSWER_CREDIT[folded(row, VENDOR_ANSWER.answer)];
export const answerWeight = (row: RowView, context: Pick<ComputeContext, "tables">) =>
  lookupNumber(context.tables, VENDOR_QUESTIONS_TABLE, VENDOR_QUESTION.id, row.text(VENDOR_ANSWER.questionId), VENDOR_QUESTION.weight);

/** Σ weight × credit ÷ Σ weight over the vendor's answers that have a credit; undefined without any. */
export function questionnaireScore(row: RowView, context: Pick<ComputeContext, "tables">): number | undefined {
  const id = folded(row, VENDOR.id);
  const table = context.tables.get(VENDOR_ANSWERS_TABLE.toLowerCase());
  if (!id || !table) return undefined;
  let points = 0;
  let weights = 0;
  for (const answer of filledRows(table)) {
    if (folded(answer, VENDOR_ANSWER.vendorId) !== id) continue;
    const weight = answerWeight(answer, context);
    const credit = answerCredit(answer);
    if (weight === undefined || credit === undefined) continue;
    points += weight * credit;
    weights += weight;
  }
  return weights > 0 ? points / weights : undefined;
}

/** The questionnaire score when the vendor has answers, else the typed external score. */
export function vendorScore(row: RowView, context: Pick<ComputeContext, "tables">): number | undefined {
  return questionnaireScore(row, context) ?? numberIn(row, VENDOR.externalScore);
}

export function vendorNextAssessment(row: RowView, context: Pick<ComputeContext, "tables">): number | undefined {
  return monthsAfter(row, VENDOR.lastAssessed, vendorReviewMonths(row, context));
}

/** Yes when never assessed or past Next Assessment; blank unless the vendor is Onboarding or Active (and when no cadence applies). */
export function vendorAssessmentOverdue(row: RowView, context: ComputeContext): "Yes" | "No" | "" {
  if (!IN_SERVICE.includes(folded(row, VENDOR.status))) return "";
  if (!row.text(VENDOR.lastAssessed)) return "Yes";
  const next = vendorNextAssessment(row, context);
  if (next === undefined) return "";
  return next < context.today ? "Yes" : "No";
}

const byTier = (column: string) => {
  const match = `${tiers(OPS_SCALE.dataAccess)},${v(VENDOR.dataAccess)},${tiers(OPS_SCALE.businessImpact)},${v(VENDOR.businessImpact)}`;
  return `=IF(OR(${v(VENDOR.dataAccess)}="",${v(VENDOR.businessImpact)}=""),"",IF(COUNTIFS(${match})=0,"",MINIFS(${tiers(column)},${match})))`;
};

const VENDOR_FORMULAS = {
  tier: byTier(OPS_SCALE.tier),
  reviewEvery: byTier(OPS_SCALE.reviewEvery),
  questionnaireScore:
    `=IF(${v(VENDOR.id)}="","",IFERROR(SUMIFS(${answers(VENDOR_ANSWER.points)},${answers(VENDOR_ANSWER.vendorId)},${v(VENDOR.id)})` +
    `/SUMIFS(${answers(VENDOR_ANSWER.weight)},${answers(VENDOR_ANSWER.vendorId)},${v(VENDOR.id)},${answers(VENDOR_ANSWER.credit)},">=0"),""))`,
  score: `=IF(ISNUMBER(${v(VENDOR.questionnaireScore)}),${v(VENDOR.questionnaireScore)},IF(ISNUMBER(${v(VENDOR.externalScore)}),${v(VENDOR.externalScore)},""))`,
  nextAssessment:
    `=IF(OR(${v(VENDOR.lastAssessed)}="",${v(VENDOR.reviewEvery)}=""),"",IFERROR(IF(${v(VENDOR.reviewEvery)}>0,EDATE(${v(VENDOR.lastAssessed)},${v(VENDOR.reviewEvery)}),""),""))`,
  assessmentOverdue:
    `=IF(AND(${v(VENDOR.status)}<>"Active",${v(VENDOR.status)}<>"Onboarding"),"",IF(${v(VENDOR.lastAssessed)}="","Yes",IF(${v(VENDOR.nextAssessment)}="","",IF(${v(VENDOR.nextAssessment)}<TODAY(),"Yes","No"))))`,
};

const calculated = (header: string, type: FieldSpec["type"], width: number, formula: string, compute: FieldSpec["compute"], more: Partial<FieldSpec> = {}): FieldSpec => ({
  header,
  type,
  width,
  align: "Center",
  formula,
  compute,
  ...more,
});

function vendorFields(): FieldSpec[] {
  return [
    text(VENDOR.id, 9),
    text(VENDOR.name, 22, { wrap: true, required: true, aliases: ["Vendor", "Supplier", "Vendor Name", "Third Party"] }),
    text(VENDOR.service, 24, { wrap: true, input: "What the vendor provides to the organisation." }),
    text(VENDOR.owner, 14, { input: "The person who manages the relationship." }),
    choice(VENDOR.dataAccess, VENDOR_DATA_ACCESS, 12, { required: true, input: "The most sensitive data the vendor holds or can reach: None, Internal, Confidential or Restricted." }),
    choice(VENDOR.businessImpact, VENDOR_IMPACTS, 10, { required: true, input: "Harm if the vendor failed or was breached: Low, Medium, High or Critical." }),
    calculated(VENDOR.tier, { kind: "whole" }, 7, VENDOR_FORMULAS.tier, (row, c) => orBlank(vendorTier(row, c)), { numberFormat: `"Tier "0` }),
    calculated(VENDOR.reviewEvery, { kind: "whole" }, 9, VENDOR_FORMULAS.reviewEvery, (row, c) => orBlank(vendorReviewMonths(row, c)), { numberFormat: "0" }),
    date(VENDOR.lastAssessed, { input: "Date of the last completed security assessment (questionnaire, report review or audit)." }),
    percent(VENDOR.externalScore, { input: "A score from a rating service or an earlier assessment, 0% to 100%. Used when the vendor has no questionnaire answers." }),
    calculated(VENDOR.questionnaireScore, { kind: "percent" }, 13, VENDOR_FORMULAS.questionnaireScore, (row, c) => orBlank(questionnaireScore(row, c))),
    calculated(VENDOR.score, { kind: "percent" }, 8, VENDOR_FORMULAS.score, (row, c) => orBlank(vendorScore(row, c))),
    calculated(VENDOR.nextAssessment, { kind: "date" }, 11, VENDOR_FORMULAS.nextAssessment, (row, c) => orBlank(vendorNextAssessment(row, c))),
    calculated(VENDOR.assessmentOverdue, { kind: "yesNo" }, 11, VENDOR_FORMULAS.assessmentOverdue, (row, c) => vendorAssessmentOverdue(row, c), {
      conditionalFormats: [{ formula: `={row:${VENDOR.assessmentOverdue}}="Yes"`, ...ALERT }],
    }),
    yesNo(VENDOR.contractTerms, { width: 10, input: "Yes when the contract carries security terms: controls, audit rights, breach notice." }),
    choice(VENDOR.dpa, AGREEMENT_VALUES, 9, { align: "Center", input: "Data processing agreement (GDPR Art. 28): Yes, No or Not needed." }),
    choice(VENDOR.baa, AGREEMENT_VALUES, 9, { align: "Center", input: "Business associate agreement (HIPAA 164.504(e)): Yes, No or Not needed." }),
    choice(VENDOR.assuranceReport, ASSURANCE_REPORTS, 14, { input: "SOC 2 Type II, ISO 27001 certificate, Other or None." }),
    date(VENDOR.reportExpiry, {
      input: "When the assurance report or certificate stops covering the vendor (a SOC 2 report's period end + 12 months).",
      conditionalFormats: [{ formula: `=AND({row:${VENDOR.reportExpiry}}<>"",{row:${VENDOR.reportExpiry}}<TODAY())`, ...ALERT }],
    }),
    yesNo(VENDOR.subprocessor, { width: 12, input: "Yes when the vendor processes personal data on the organisation's behalf." }),
    ids(VENDOR.riskIds, REGISTER_TABLES.risks, true),
    choice(VENDOR.status, VENDOR_STATUSES, 11, { required: true, input: "Onboarding, Active or Offboarded." }),
  ];
}

const inService = (row: RowView) => IN_SERVICE.includes(folded(row, VENDOR.status));

const VENDOR_RULES: readonly RowRule[] = [
  (row, label, report, context) => {
    if (!inService(row) || vendorTier(row, context) !== 1) return;
    if (!row.text(VENDOR.lastAssessed))
      report(row, VENDOR.lastAssessed, "tier1-never-assessed", "error", `${label}: Tier 1 vendor has never been assessed; assess it before (or soon after) it goes live.`);
    const expiry = numberIn(row, VENDOR.reportExpiry);
    const reportName = folded(row, VENDOR.assuranceReport);
    if (reportName && reportName !== "none" && !row.text(VENDOR.reportExpiry))
      report(row, VENDOR.reportExpiry, "assurance-undated", "warning", `${label}: Tier 1 vendor's ${row.text(VENDOR.assuranceReport)} has no Report Expiry, so nobody will notice when it lapses.`);
    if (expiry !== undefined && expiry < context.today)
      report(row, VENDOR.reportExpiry, "assurance-expired", "error", `${label}: Tier 1 vendor's ${row.text(VENDOR.assuranceReport) || "assurance report"} expired on ${formatDate(expiry)}; ask for the current one.`);
  },
];

export const VENDORS: RegisterDeclaration = {
  key: "vendors",
  noun: "vendor",
  table: VENDORS_TABLE,
  keyColumn: VENDOR.id,
  sheet: {
    key: "vendors",
    name: "Vendors",
    tabColor: "#806000",
    title: "Vendors",
    subtitle:
      "One row per third party. Tier and Review Every come from Data Access × Business Impact (Scales ▸ VendorTiers); Score is the questionnaire score (Vendor Answers) when there are answers, else External Score.",
    freezeColumns: 2,
  },
  fields: () => vendorFields(),
  seedRows: ({ sample, today, frameworks }) => (sample ? sampleVendors(today, frameworks) : []),
  rules: VENDOR_RULES,
};

export const VENDOR_QUESTIONS_REGISTER: RegisterDeclaration = {
  key: "vendorQuestions",
  noun: "question",
  table: VENDOR_QUESTIONS_TABLE,
  keyColumn: VENDOR_QUESTION.id,
  sheet: {
    key: "vendorQuestions",
    name: "Vendor Questions",
    tabColor: "#806000",
    title: "Vendor questionnaire",
    subtitle: "The questions each vendor answers, with their weight (3 essential, 2 important, 1 good practice). Edit, remove or add questions: scores follow.",
    freezeColumns: 1,
  },
  fields: () => [
    text(VENDOR_QUESTION.id, 9),
    text(VENDOR_QUESTION.domain, 16),
    text(VENDOR_QUESTION.question, 60, { wrap: true, required: true }),
    whole(VENDOR_QUESTION.weight, { min: 0, max: 10 }, { required: true, input: "How much the answer counts: 3 essential, 2 important, 1 good practice (0 leaves it out)." }),
  ],
  seedRows: () => VENDOR_QUESTIONS.map((q) => ({ [VENDOR_QUESTION.id]: q.id, [VENDOR_QUESTION.domain]: q.domain, [VENDOR_QUESTION.question]: q.question, [VENDOR_QUESTION.weight]: q.weight })),
};

function answerFields(): FieldSpec[] {
  return [
    ids(VENDOR_ANSWER.vendorId, VENDORS_TABLE, false, { input: "The vendor answering, from the Vendors sheet." }),
    ids(VENDOR_ANSWER.questionId, VENDOR_QUESTIONS_TABLE, false, { required: true, input: "The question answered, from the Vendor Questions sheet." }),
    choice(VENDOR_ANSWER.answer, ANSWERS, 9, { required: true, align: "Center", input: "Yes (full credit), Partial (half), No (none) or N/A (left out of the score)." }),
    text(VENDOR_ANSWER.comment, 36, { wrap: true, input: "What the vendor said or showed as evidence." }),
    calculated(VENDOR_ANSWER.weight, { kind: "decimal" }, 8, `=IFERROR(INDEX(${questions(VENDOR_QUESTION.weight)},MATCH(${a(VENDOR_ANSWER.questionId)},${questions(VENDOR_QUESTION.id)},0)),"")`, (row, c) =>
      orBlank(answerWeight(row, c)),
    ),
    calculated(VENDOR_ANSWER.credit, { kind: "decimal" }, 7, `=IF(${a(VENDOR_ANSWER.answer)}="Yes",1,IF(${a(VENDOR_ANSWER.answer)}="Partial",0.5,IF(${a(VENDOR_ANSWER.answer)}="No",0,"")))`, (row) =>
      orBlank(answerCredit(row)),
    ),
    calculated(VENDOR_ANSWER.points, { kind: "decimal" }, 7, `=IF(AND(ISNUMBER(${a(VENDOR_ANSWER.weight)}),ISNUMBER(${a(VENDOR_ANSWER.credit)})),${a(VENDOR_ANSWER.weight)}*${a(VENDOR_ANSWER.credit)},"")`, (row, c) => {
      const weight = answerWeight(row, c);
      const credit = answerCredit(row);
      return weight === undefined || credit === undefined ? "" : weight * credit;
    }),
  ];
}

export const VENDOR_ANSWERS_REGISTER: RegisterDeclaration = {
  key: "vendorAnswers",
  noun: "answer",
  table: VENDOR_ANSWERS_TABLE,
  keyColumn: VENDOR_ANSWER.vendorId,
  uniqueTogether: [VENDOR_ANSWER.vendorId, VENDOR_ANSWER.questionId],
  sheet: {
    key: "vendorAnswers",
    name: "Vendor Answers",
    tabColor: "#806000",
    title: "Vendor answers",
    subtitle: "One row per vendor and question. Weight comes from Vendor Questions; Credit is Yes 1, Partial 0.5, No 0 (N/A is left out); Points = Weight × Credit feed the vendor's Questionnaire Score.",
    freezeColumns: 2,
  },
  fields: () => answerFields(),
  seedRows: ({ sample }) => (sample ? sampleVendorAnswers() : []),
};
