/**
 * What names a built-in framework, apart from its requirements: Set up lists the frameworks from
 * this small module, so the pane's first view does not load the catalogs (issue #10, first render).
 * The catalogs spread these entries, so each name is written once.
 */
import type { BuiltInFrameworkKey } from "../frameworkKeys";

export interface FrameworkName {
  key: BuiltInFrameworkKey;
  /** Full name, e.g. "ISO/IEC 27001:2022". */
  name: string;
  /** Column header, e.g. "ISO 27001". */
  shortName: string;
  /** What the framework as catalogued does not cover, for Set up (GDPR holds its security articles only). */
  scopeNote?: string;
}

export const FRAMEWORK_NAMES = {
  ISO27001: { key: "ISO27001", name: "ISO/IEC 27001:2022", shortName: "ISO 27001" },
  NISTCSF: { key: "NISTCSF", name: "NIST Cybersecurity Framework 2.0", shortName: "NIST CSF" },
  SOC2: { key: "SOC2", name: "AICPA Trust Services Criteria (SOC 2)", shortName: "SOC 2" },
  HIPAA: { key: "HIPAA", name: "HIPAA Security Rule", shortName: "HIPAA" },
  NIST80053: { key: "NIST80053", name: "NIST SP 800-53 Rev. 5", shortName: "NIST 800-53" },
  NIST800171: { key: "NIST800171", name: "NIST SP 800-171 Rev. 2", shortName: "NIST 800-171" },
  NIST800171R3: { key: "NIST800171R3", name: "NIST SP 800-171 Rev. 3", shortName: "NIST 800-171r3" },
  CMMCL1: { key: "CMMCL1", name: "CMMC 2.0 Level 1 (FAR 52.204-21)", shortName: "CMMC L1" },
  GLBA: { key: "GLBA", name: "GLBA Safeguards Rule", shortName: "GLBA" },
  GDPR: {
    key: "GDPR",
    name: "GDPR: security and accountability articles",
    shortName: "GDPR",
    scopeNote:
      "GDPR here means its security and accountability articles: Art. 5(1)(f), 24, 25, 28, 30, 32, 33, 34 and 35. " +
      "It does not cover lawful bases and consent, data subject rights, the DPO or international transfers, so 100% is not GDPR compliance.",
  },
} as const satisfies { [K in BuiltInFrameworkKey]: FrameworkName & { key: K } };

/** Trust services categories a SOC 2 report can include; Security (common criteria) is always in scope. */
export const SOC2_CATEGORIES = ["Security", "Availability", "Confidentiality", "Processing Integrity", "Privacy"] as const;
export type Soc2Category = (typeof SOC2_CATEGORIES)[number];
