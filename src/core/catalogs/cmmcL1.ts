import { NIST800171 } from "./nist800171";
import type { Framework, Requirement } from "./types";
import { FRAMEWORK_NAMES } from "./names";

/**
 * CMMC 2.0 Level 1: 17 practices, each derived from one of the 15 basic safeguarding requirements
 * of FAR 52.204-21(b)(1) and equal to an SP 800-171 Rev. 2 requirement (32 CFR 170.15).
 * `[practice, FAR clause, SP 800-171 Rev. 2 requirement]`; labels are this project's Rev. 2 labels.
 */
type Practice = readonly [id: string, farClause: string, rev2: string];

const PRACTICES: readonly Practice[] = [
  ["AC.L1-3.1.1", "52.204-21(b)(1)(i)", "3.1.1"],
  ["AC.L1-3.1.2", "52.204-21(b)(1)(ii)", "3.1.2"],
  ["AC.L1-3.1.20", "52.204-21(b)(1)(iii)", "3.1.20"],
  ["AC.L1-3.1.22", "52.204-21(b)(1)(iv)", "3.1.22"],
  ["IA.L1-3.5.1", "52.204-21(b)(1)(v)", "3.5.1"],
  ["IA.L1-3.5.2", "52.204-21(b)(1)(vi)", "3.5.2"],
  ["MP.L1-3.8.3", "52.204-21(b)(1)(vii)", "3.8.3"],
  ["PE.L1-3.10.1", "52.204-21(b)(1)(viii)", "3.10.1"],
  ["PE.L1-3.10.3", "52.204-21(b)(1)(ix)", "3.10.3"],
  ["PE.L1-3.10.4", "52.204-21(b)(1)(ix)", "3.10.4"],
  ["PE.L1-3.10.5", "52.204-21(b)(1)(ix)", "3.10.5"],
  ["SC.L1-3.13.1", "52.204-21(b)(1)(x)", "3.13.1"],
  ["SC.L1-3.13.5", "52.204-21(b)(1)(xi)", "3.13.5"],
  ["SI.L1-3.14.1", "52.204-21(b)(1)(xii)", "3.14.1"],
  ["SI.L1-3.14.2", "52.204-21(b)(1)(xiii)", "3.14.2"],
  ["SI.L1-3.14.4", "52.204-21(b)(1)(xiv)", "3.14.4"],
  ["SI.L1-3.14.5", "52.204-21(b)(1)(xv)", "3.14.5"],
];

const rev2Label = new Map(NIST800171.requirements.map((r) => [r.id, r.title]));

/** The SP 800-171 Rev. 2 requirement each Level 1 practice equals. */
export const CMMCL1_REV2: ReadonlyMap<string, string> = new Map(PRACTICES.map(([id, , rev2]) => [id, rev2]));

export const CMMCL1: Framework = {
  ...FRAMEWORK_NAMES.CMMCL1,
  version: "CMMC 2.0 Level 1 (32 CFR 170): 17 practices from 15 FAR 52.204-21(b)(1) requirements",
  source: "DoD, 32 CFR 170.15 and the CMMC Level 1 assessment guide; FAR 52.204-21 Basic Safeguarding of Covered Contractor Information Systems",
  requirements: PRACTICES.map(([id, far, rev2]): Requirement => ({
    id,
    title: rev2Label.get(rev2) ?? rev2,
    parent: null,
    kind: `FAR ${far}`,
  })),
};
