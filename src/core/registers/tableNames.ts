/**
 * Every register's table name, in one place, so a register can point at another (Asset IDs → Assets)
 * without importing its module.
 */
export const REGISTER_TABLES = {
  risks: "Risks",
  assets: "Assets",
  controls: "Controls",
  incidents: "Incidents",
  vulnerabilities: "Vulnerabilities",
  accessReviews: "AccessReviews",
  training: "Training",
  roadmap: "Roadmap",
  roles: "Roles",
  raci: "Raci",
  meetings: "Meetings",
  resourceRequests: "ResourceRequests",
  policies: "Policies",
  policyExceptions: "PolicyExceptions",
  vendors: "Vendors",
  vendorQuestions: "VendorQuestions",
  vendorAnswers: "VendorAnswers",
  auditFindings: "AuditFindings",
} as const;
