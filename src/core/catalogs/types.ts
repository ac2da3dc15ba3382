import type { FrameworkKey } from "../frameworkKeys";

export interface Requirement {
  id: string;
  title: string;
  parent: string | null;
  /** HIPAA implementation specifications: true = Required, false = Addressable. */
  required?: boolean;
  /** SOC 2 trust services category (Security, Availability, ...), chosen in or out of scope by the user. */
  category?: string;
  /** What the Requirements sheet's Type column shows besides HIPAA's Required/Addressable (e.g. "Enhancement", a FAR clause). */
  kind?: string;
  /** SP 800-53 controls and enhancements: membership in the SP 800-53B baselines. */
  baselines?: { low: boolean; moderate: boolean; high: boolean; privacy: boolean };
  /** Custom catalogs: false for a row the user marked not assessable (a heading without children). */
  assessable?: boolean;
  /** Custom catalogs: false when the user's file says the requirement does not apply by default. */
  applicable?: boolean;
}

export interface Framework {
  key: FrameworkKey;
  /** Full name, e.g. "ISO/IEC 27001:2022". */
  name: string;
  /** Column header, e.g. "ISO 27001". */
  shortName: string;
  version: string;
  /** Publisher and citation. */
  source: string;
  requirements: Requirement[];
  /** What the framework as catalogued does not cover, for Set up (GDPR holds its security articles only). */
  scopeNote?: string;
  /** IDs the publisher withdrew: recognised (Check says so) but never assessable. */
  withdrawn?: readonly string[];
  /** True for a framework the user added from a file (its catalog is stored in their workbook). */
  custom?: boolean;
}
