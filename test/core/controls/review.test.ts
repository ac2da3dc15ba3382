/**
 * Decisions of the pair-by-pair mapping review (issue #11), kept so that a later edit cannot quietly
 * undo them: pairs removed because the control meets a requirement about something else, pairs
 * downgraded to Intersects because the overlap is tangential, and pairs added because they were
 * obviously missing.
 */
import { libraryMapping } from "../../../src/core/controls/library";
import type { FrameworkKey } from "../../../src/core/frameworkKeys";

type Pair = readonly [control: string, framework: FrameworkKey, requirement: string];

/** The control meets a requirement about something else. */
const REMOVED: readonly (readonly [...Pair, string])[] = [
  ["IAM-04", "NIST80053", "IA-11", "MFA is not re-authentication; session lock (IAM-10) and federation (IAM-18) are"],
  ["RSK-05", "NIST80053", "PM-30", "risk communication is not the supply-chain risk strategy (VND-01 is)"],
  ["IRP-06", "NISTCSF", "RS.MA-01", "training people is not executing the response plan"],
  ["IRP-06", "SOC2", "CC7.4", "training is not responding to identified incidents"],
  ["AST-08", "NISTCSF", "PR.DS-11", "retention and deletion are not backups"],
  ["GOV-12", "HIPAA", "§164.310(b)", "communicating roles is not workstation use"],
  ["TRN-06", "NIST80053", "PM-15", "internal bulletins are not membership of outside security groups (IRP-10 is)"],
  ["VND-06", "NIST80053", "SR-12", "checking provenance is not component disposal (AST-07 is)"],
  ["IAM-15", "NIST80053", "AC-14", "break-glass access is authenticated; AC-14 names actions allowed without identification"],
];

/** The overlap is real but tangential: Intersects, never full or jointly sufficient credit. */
const INTERSECTS: readonly Pair[] = [
  ["PHY-08", "ISO27001", "A.7.13"], ["PHY-08", "ISO27001", "A.8.5"], ["PHY-08", "NISTCSF", "PR.PS-03"], ["PHY-08", "NISTCSF", "PR.AA-03"], ["PHY-08", "SOC2", "CC6.1"],
  ["AST-08", "GDPR", "Art.5(1)(f)"],
  ["GOV-07", "ISO27001", "A.8.34"], ["GOV-07", "NISTCSF", "ID.IM-02"], ["GOV-07", "NIST80053", "CA-1"],
  ["SDL-02", "NISTCSF", "GV.SC-05"], ["SDL-02", "SOC2", "PI1.1"], ["SDL-02", "NISTCSF", "PR.PS-06"],
  ["IRP-06", "HIPAA", "§164.308(a)(6)(ii)"],
  ["GOV-02", "NIST80053", "CA-6"], ["GOV-04", "NIST80053", "CA-6"], ["GOV-11", "ISO27001", "9.3.1"],
  ["PRV-09", "NIST80053", "PM-5"], ["TRN-04", "NISTCSF", "DE.CM-03"], ["VND-04", "HIPAA", "§164.314(a)(2)(i)"],
  ["CRY-05", "ISO27001", "A.8.24"], ["IRP-03", "GDPR", "Art.33"], ["IRP-05", "ISO27001", "A.5.27"], ["PHY-10", "SOC2", "CC6.5"],
];

/** Obvious mappings that were missing, or that replace a removed one. */
const ADDED: readonly Pair[] = [
  ["IAM-10", "NIST80053", "IA-11"],
  ["VUL-05", "ISO27001", "A.8.34"],
  ["BCM-04", "NISTCSF", "PR.DS-11"], ["BCM-04", "ISO27001", "A.8.13"],
  ["BCM-02", "ISO27001", "A.5.33"], ["IAM-01", "ISO27001", "A.5.33"],
  ["IAM-01", "GDPR", "Art.5(1)(f)"], ["CRY-02", "GDPR", "Art.5(1)(f)"], ["BCM-02", "GDPR", "Art.5(1)(f)"],
  ["GOV-03", "NIST80053", "SA-2"],
  ["AST-02", "NIST80053", "PM-5"], ["AST-07", "NIST80053", "SR-12"], ["IAM-01", "NIST80053", "AC-14"],
  ["LOG-07", "NIST80053", "PM-12"], ["VND-03", "NIST80053", "PS-7"],
  // found through NIST crosswalk pairs that no control implied
  ["IAM-03", "NISTCSF", "PR.AA-03"], ["PHY-03", "NISTCSF", "PR.AA-06"], ["BCM-02", "NISTCSF", "PR.DS-01"], ["BCM-04", "NIST80053", "CP-9"],
  ["VND-07", "NISTCSF", "RS.MA-01"], ["VND-07", "NIST80053", "IR-6"], ["VUL-04", "NISTCSF", "ID.RA-01"], ["VUL-04", "ISO27001", "A.8.8"],
  ["AST-07", "ISO27001", "A.7.10"], ["VUL-02", "ISO27001", "A.8.32"], ["TRN-01", "ISO27001", "A.8.7"], ["BCM-08", "ISO27001", "A.6.3"],
  ["LOG-02", "HIPAA", "§164.308(a)(5)(ii)(C)"], ["BCM-06", "ISO27001", "A.7.11"],
];

describe("mapping review decisions", () => {
  it.each(REMOVED)("%s does not map %s %s (%s)", (control, framework, requirement) => {
    expect(libraryMapping(control, framework, requirement)).toBeUndefined();
  });

  it.each(INTERSECTS)("%s only intersects %s %s", (control, framework, requirement) => {
    const record = libraryMapping(control, framework, requirement);
    expect(record?.relationship).toBe("Intersects");
    expect(record?.strength).toBeLessThanOrEqual(5);
  });

  it.each(ADDED)("%s maps %s %s", (control, framework, requirement) => {
    expect(libraryMapping(control, framework, requirement)).toBeDefined();
  });
});
