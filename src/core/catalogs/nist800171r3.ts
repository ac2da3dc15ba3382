import { NIST80053 } from "./nist80053";
import type { Framework, Requirement } from "./types";
import { FRAMEWORK_NAMES } from "./names";

/**
 * `[requirement, SP 800-53 control it is derived from, label?]`. NIST derives each Rev. 3
 * requirement from SP 800-53 Rev. 5 controls; the label is this project's label of that control
 * unless one is given. The library maps Rev. 3 through those controls (see controls/derived.ts).
 */
type Rev3Requirement = readonly [id: string, sourceControl: string, label?: string];

const REQUIREMENTS: readonly Rev3Requirement[] = [
  ["03.01.01", "AC-2"],
  ["03.01.02", "AC-3"],
  ["03.01.03", "AC-4"],
  ["03.01.04", "AC-5"],
  ["03.01.05", "AC-6"],
  ["03.01.06", "AC-6", "Privileged accounts kept to a minimum"],
  ["03.01.07", "AC-6", "Privileged functions restricted and logged"],
  ["03.01.08", "AC-7"],
  ["03.01.09", "AC-8"],
  ["03.01.10", "AC-11"],
  ["03.01.11", "AC-12"],
  ["03.01.12", "AC-17"],
  ["03.01.16", "AC-18"],
  ["03.01.18", "AC-19"],
  ["03.01.20", "AC-20"],
  ["03.01.22", "AC-22"],
  ["03.02.01", "AT-2"],
  ["03.02.02", "AT-3"],
  ["03.03.01", "AU-2"],
  ["03.03.02", "AU-3", "What each audit record contains"],
  ["03.03.03", "AU-12"],
  ["03.03.04", "AU-5"],
  ["03.03.05", "AU-6"],
  ["03.03.06", "AU-7"],
  ["03.03.07", "AU-8"],
  ["03.03.08", "AU-9"],
  ["03.04.01", "CM-2"],
  ["03.04.02", "CM-6"],
  ["03.04.03", "CM-3"],
  ["03.04.04", "CM-4"],
  ["03.04.05", "CM-5"],
  ["03.04.06", "CM-7"],
  ["03.04.08", "CM-7", "Only allow-listed software runs"],
  ["03.04.10", "CM-8"],
  ["03.04.11", "CM-12"],
  ["03.04.12", "CM-2", "Hardened setup for high-risk travel"],
  ["03.05.01", "IA-2", "Users identified and authenticated"],
  ["03.05.02", "IA-3"],
  ["03.05.03", "IA-2", "Multi-factor authentication"],
  ["03.05.04", "IA-2", "Replay-resistant authentication"],
  ["03.05.05", "IA-4"],
  ["03.05.07", "IA-5", "Password rules enforced"],
  ["03.05.11", "IA-6"],
  ["03.05.12", "IA-5"],
  ["03.06.01", "IR-4"],
  ["03.06.02", "IR-6", "Incidents tracked, reported and supported"],
  ["03.06.03", "IR-3"],
  ["03.06.04", "IR-2"],
  ["03.06.05", "IR-8"],
  ["03.07.04", "MA-3"],
  ["03.07.05", "MA-4"],
  ["03.07.06", "MA-5"],
  ["03.08.01", "MP-4"],
  ["03.08.02", "MP-2"],
  ["03.08.03", "MP-6"],
  ["03.08.04", "MP-3"],
  ["03.08.05", "MP-5"],
  ["03.08.07", "MP-7"],
  ["03.08.09", "CP-9", "Backups protected by encryption"],
  ["03.09.01", "PS-3"],
  ["03.09.02", "PS-4", "Staff exits and transfers handled"],
  ["03.10.01", "PE-2"],
  ["03.10.02", "PE-6"],
  ["03.10.06", "PE-17"],
  ["03.10.07", "PE-3"],
  ["03.10.08", "PE-4"],
  ["03.11.01", "RA-3"],
  ["03.11.02", "RA-5"],
  ["03.11.04", "RA-7"],
  ["03.12.01", "CA-2", "Security assessed periodically"],
  ["03.12.02", "CA-5"],
  ["03.12.03", "CA-7"],
  ["03.12.05", "CA-3"],
  ["03.13.01", "SC-7"],
  ["03.13.04", "SC-4"],
  ["03.13.06", "SC-7", "Deny network traffic unless allowed"],
  ["03.13.08", "SC-8", "Encrypt CUI in transit and at rest"],
  ["03.13.09", "SC-10"],
  ["03.13.10", "SC-12"],
  ["03.13.11", "SC-13"],
  ["03.13.12", "SC-15"],
  ["03.13.13", "SC-18"],
  ["03.13.15", "SC-23"],
  ["03.14.01", "SI-2"],
  ["03.14.02", "SI-3"],
  ["03.14.03", "SI-5"],
  ["03.14.06", "SI-4"],
  ["03.14.08", "SI-12"],
  ["03.15.01", "SR-1"],
  ["03.15.02", "PL-2", "System security plan kept current"],
  ["03.15.03", "PL-4"],
  ["03.16.01", "SA-8", "Engineering principles for secure systems"],
  ["03.16.02", "SA-22"],
  ["03.16.03", "SA-9"],
  ["03.17.01", "SR-2"],
  ["03.17.02", "SR-5"],
  ["03.17.03", "SR-3", "Supply chain requirements and processes"],
];

/** Requirement families, by the first two parts of an ID (NIST's family names). */
const FAMILIES: Readonly<Record<string, string>> = {
  "03.01": "Access Control",
  "03.02": "Awareness and Training",
  "03.03": "Audit and Accountability",
  "03.04": "Configuration Management",
  "03.05": "Identification and Authentication",
  "03.06": "Incident Response",
  "03.07": "Maintenance",
  "03.08": "Media Protection",
  "03.09": "Personnel Security",
  "03.10": "Physical Protection",
  "03.11": "Risk Assessment",
  "03.12": "Security Assessment and Monitoring",
  "03.13": "System and Communications Protection",
  "03.14": "System and Information Integrity",
  "03.15": "Planning",
  "03.16": "System and Services Acquisition",
  "03.17": "Supply Chain Risk Management",
};

/** Rev. 3 IDs NIST withdrew (incorporated into other requirements or dropped): known, never assessable. */
export const NIST800171R3_WITHDRAWN: readonly string[] = [
  "03.01.13", "03.01.14", "03.01.15", "03.01.17", "03.01.19", "03.01.21", "03.02.03", "03.03.09",
  "03.04.07", "03.04.09", "03.05.06", "03.05.08", "03.05.09", "03.05.10", "03.07.01", "03.07.02",
  "03.07.03", "03.08.06", "03.08.08", "03.10.03", "03.10.04", "03.10.05", "03.11.03", "03.12.04",
  "03.13.02", "03.13.03", "03.13.05", "03.13.07", "03.13.14", "03.13.16", "03.14.04", "03.14.05",
  "03.14.07",
];

const controlLabel = new Map(NIST80053.requirements.map((r) => [r.id, r.title]));

/** The SP 800-53 control a Rev. 3 requirement is derived from. */
export const NIST800171R3_SOURCE: ReadonlyMap<string, string> = new Map(REQUIREMENTS.map(([id, source]) => [id, source]));

export const NIST800171R3: Framework = {
  ...FRAMEWORK_NAMES.NIST800171R3,
  version: "Rev. 3 (May 2024): 97 requirements, 33 IDs withdrawn",
  source: "NIST SP 800-171 Rev. 3, Protecting Controlled Unclassified Information in Nonfederal Systems and Organizations (2024)",
  // Flat: the family is shown as the requirement's type, so every requirement is assessable.
  requirements: REQUIREMENTS.map(([id, source, label]): Requirement => ({
    id,
    title: label ?? controlLabel.get(source) ?? source,
    parent: null,
    kind: `${FAMILIES[id.slice(0, 5)]} (from ${source})`,
  })),
  withdrawn: NIST800171R3_WITHDRAWN,
};
