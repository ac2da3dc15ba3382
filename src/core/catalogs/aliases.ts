import type { FrameworkKey } from "../frameworkKeys";

/** What people type for each framework, besides the key itself and the catalog's name and short name. */
export const FRAMEWORK_ALIASES: Readonly<Record<FrameworkKey, readonly string[]>> = {
  ISO27001: ["ISO 27001", "ISO/IEC 27001", "ISO/IEC 27001:2022", "ISO 27001:2022", "27001", "ISO27k", "ISO"],
  NISTCSF: ["NIST CSF", "NIST CSF 2.0", "CSF", "CSF 2.0", "CSF2", "Cybersecurity Framework", "NIST Cybersecurity Framework"],
  SOC2: ["SOC 2", "SOC II", "SOC 2 Type 2", "SOC 2 Type II", "TSC", "Trust Services Criteria", "AICPA TSC"],
  HIPAA: ["HIPAA Security Rule", "HIPAA Security", "Security Rule", "45 CFR 164"],
  NIST80053: ["800-53", "NIST 800-53", "NIST SP 800-53", "SP 800-53", "800-53r5", "800-53 Rev 5", "NIST 800-53 Rev. 5", "NIST SP 800-53 Rev. 5"],
  NIST800171: [
    "800-171", "NIST 800-171", "NIST SP 800-171", "SP 800-171", "800-171r2", "800-171 Rev 2", "NIST SP 800-171 Rev. 2", "NIST 800-171r2",
    "CMMC", "CMMC L2", "CMMC 2.0", "CMMC Level 2", "CMMC 2.0 Level 2", "CMMC 2.0 L2",
  ],
  NIST800171R3: ["800-171r3", "800-171 Rev 3", "800-171 Rev. 3", "NIST 800-171 Rev 3", "NIST SP 800-171 Rev. 3", "SP 800-171r3", "NIST800171REV3", "SP800171R3"],
  CMMCL1: ["CMMC L1", "CMMC Level 1", "CMMC 2.0 Level 1", "CMMC 2.0 L1", "CMMC_L1", "FAR 52.204-21", "FAR basic safeguarding"],
  GLBA: ["Safeguards Rule", "FTC Safeguards Rule", "GLBA Safeguards Rule", "16 CFR 314", "Gramm-Leach-Bliley Act"],
  GDPR: ["EU GDPR", "General Data Protection Regulation", "Regulation (EU) 2016/679", "GDPR security"],
};

/** Folds a framework name for alias matching: case, spaces, dashes, slashes, dots, colons, parentheses. */
export function foldFrameworkName(input: string): string {
  return input.toLowerCase().replace(/[\s\-\u2010-\u2015/\\._:()]+/g, "");
}
