import type { FrameworkKey } from "../frameworkKeys";

/** What people type for each framework, besides the key itself and the catalog's name and short name. */
export const FRAMEWORK_ALIASES: Readonly<Record<FrameworkKey, readonly string[]>> = {
  ISO27001: ["ISO 27001", "ISO/IEC 27001", "ISO/IEC 27001:2022", "ISO 27001:2022", "27001", "ISO27k", "ISO"],
  NISTCSF: ["NIST CSF", "NIST CSF 2.0", "CSF", "CSF 2.0", "CSF2", "Cybersecurity Framework", "NIST Cybersecurity Framework"],
  SOC2: ["SOC 2", "SOC II", "SOC 2 Type 2", "SOC 2 Type II", "TSC", "Trust Services Criteria", "AICPA TSC"],
  HIPAA: ["HIPAA Security Rule", "HIPAA Security", "Security Rule", "45 CFR 164"],
  NIST80053: ["800-53", "NIST 800-53", "NIST SP 800-53", "SP 800-53", "800-53r5", "800-53 Rev 5", "NIST 800-53 Rev. 5", "NIST SP 800-53 Rev. 5"],
  NIST800171: [
    "800-171", "NIST 800-171", "NIST SP 800-171", "SP 800-171", "800-171r2", "800-171 Rev 2", "NIST SP 800-171 Rev. 2",
    "CMMC", "CMMC L2", "CMMC 2.0", "CMMC Level 2", "CMMC 2.0 Level 2",
  ],
  GLBA: ["Safeguards Rule", "FTC Safeguards Rule", "GLBA Safeguards Rule", "16 CFR 314", "Gramm-Leach-Bliley Act"],
  GDPR: ["EU GDPR", "General Data Protection Regulation", "Regulation (EU) 2016/679"],
};

/** Folds a framework name for alias matching: case, spaces, dashes, slashes, dots, colons, parentheses. */
export function foldFrameworkName(input: string): string {
  return input.toLowerCase().replace(/[\s\-\u2010-\u2015/\\._:()]+/g, "");
}
