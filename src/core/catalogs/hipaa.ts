import type { Framework, Requirement } from "./types";
import { FRAMEWORK_NAMES } from "./names";

type Specification = readonly [id: string, title: string, kind: "R" | "A"];
type Standard = readonly [id: string, title: string, specifications?: readonly Specification[]];
type Section = readonly [id: string, title: string, standards: readonly Standard[]];

// IDs follow the eCFR spelling with the section sign, e.g. "§164.308(a)(1)(ii)(A)".
const SECTIONS: readonly Section[] = [
  ["§164.308", "Administrative safeguards", [
    ["§164.308(a)(1)", "Security management process", [
      ["§164.308(a)(1)(ii)(A)", "Risk analysis", "R"],
      ["§164.308(a)(1)(ii)(B)", "Risk management", "R"],
      ["§164.308(a)(1)(ii)(C)", "Sanction policy", "R"],
      ["§164.308(a)(1)(ii)(D)", "System activity review", "R"],
    ]],
    ["§164.308(a)(2)", "Assigned security official"],
    ["§164.308(a)(3)", "Workforce security", [
      ["§164.308(a)(3)(ii)(A)", "Authorization and supervision", "A"],
      ["§164.308(a)(3)(ii)(B)", "Workforce clearance", "A"],
      ["§164.308(a)(3)(ii)(C)", "Termination procedures", "A"],
    ]],
    ["§164.308(a)(4)", "Information access management", [
      ["§164.308(a)(4)(ii)(A)", "Isolate clearinghouse functions", "R"],
      ["§164.308(a)(4)(ii)(B)", "Access authorization", "A"],
      ["§164.308(a)(4)(ii)(C)", "Access establishment and modification", "A"],
    ]],
    ["§164.308(a)(5)", "Security awareness and training", [
      ["§164.308(a)(5)(ii)(A)", "Periodic security reminders", "A"],
      ["§164.308(a)(5)(ii)(B)", "Malware protection", "A"],
      ["§164.308(a)(5)(ii)(C)", "Log-in monitoring", "A"],
      ["§164.308(a)(5)(ii)(D)", "Password management", "A"],
    ]],
    ["§164.308(a)(6)", "Security incident procedures", [
      ["§164.308(a)(6)(ii)", "Incident response and reporting", "R"],
    ]],
    ["§164.308(a)(7)", "Contingency plan", [
      ["§164.308(a)(7)(ii)(A)", "Data backup plan", "R"],
      ["§164.308(a)(7)(ii)(B)", "Disaster recovery plan", "R"],
      ["§164.308(a)(7)(ii)(C)", "Emergency mode operation plan", "R"],
      ["§164.308(a)(7)(ii)(D)", "Plan testing and revision", "A"],
      ["§164.308(a)(7)(ii)(E)", "Application and data criticality", "A"],
    ]],
    ["§164.308(a)(8)", "Periodic evaluation"],
    ["§164.308(b)(1)", "Business associate contracts", [
      ["§164.308(b)(3)", "Written BA contract", "R"],
    ]],
  ]],
  ["§164.310", "Physical safeguards", [
    ["§164.310(a)", "Facility access controls", [
      ["§164.310(a)(2)(i)", "Contingency operations access", "A"],
      ["§164.310(a)(2)(ii)", "Facility security plan", "A"],
      ["§164.310(a)(2)(iii)", "Access control and validation", "A"],
      ["§164.310(a)(2)(iv)", "Maintenance records", "A"],
    ]],
    ["§164.310(b)", "Workstation use"],
    ["§164.310(c)", "Workstation security"],
    ["§164.310(d)", "Device and media controls", [
      ["§164.310(d)(2)(i)", "Media disposal", "R"],
      ["§164.310(d)(2)(ii)", "Media re-use", "R"],
      ["§164.310(d)(2)(iii)", "Hardware and media accountability", "A"],
      ["§164.310(d)(2)(iv)", "Backup before equipment moves", "A"],
    ]],
  ]],
  ["§164.312", "Technical safeguards", [
    ["§164.312(a)", "Access control", [
      ["§164.312(a)(2)(i)", "Unique user identification", "R"],
      ["§164.312(a)(2)(ii)", "Emergency access procedure", "R"],
      ["§164.312(a)(2)(iii)", "Automatic logoff", "A"],
      ["§164.312(a)(2)(iv)", "Encryption of stored ePHI", "A"],
    ]],
    ["§164.312(b)", "Audit controls"],
    ["§164.312(c)", "Integrity", [
      ["§164.312(c)(2)", "Authenticate ePHI integrity", "A"],
    ]],
    ["§164.312(d)", "Person or entity authentication"],
    ["§164.312(e)(1)", "Transmission security", [
      ["§164.312(e)(2)(i)", "Transmission integrity controls", "A"],
      ["§164.312(e)(2)(ii)", "Transmission encryption", "A"],
    ]],
  ]],
  ["§164.314", "Organizational requirements", [
    ["§164.314(a)", "Business associate contracts", [
      ["§164.314(a)(2)(i)", "BA contract terms", "R"],
      ["§164.314(a)(2)(ii)", "Other arrangements", "R"],
      ["§164.314(a)(2)(iii)", "Subcontractor BA contracts", "R"],
    ]],
    ["§164.314(b)", "Group health plan requirements", [
      ["§164.314(b)(2)(i)", "Plan sponsor safeguards", "R"],
      ["§164.314(b)(2)(ii)", "Adequate separation supported", "R"],
      ["§164.314(b)(2)(iii)", "Agents protect ePHI", "R"],
      ["§164.314(b)(2)(iv)", "Sponsor reports incidents", "R"],
    ]],
  ]],
  ["§164.316", "Policies, procedures, documentation", [
    ["§164.316(a)", "Policies and procedures"],
    ["§164.316(b)", "Documentation", [
      ["§164.316(b)(2)(i)", "Six-year retention", "R"],
      ["§164.316(b)(2)(ii)", "Documentation available", "R"],
      ["§164.316(b)(2)(iii)", "Periodic documentation updates", "R"],
    ]],
  ]],
];

function sectionRequirements([sectionId, sectionTitle, standards]: Section): Requirement[] {
  return [
    { id: sectionId, title: sectionTitle, parent: null },
    ...standards.flatMap(([standardId, standardTitle, specifications = []]) => [
      { id: standardId, title: standardTitle, parent: sectionId },
      ...specifications.map(([id, title, kind]) => ({ id, title, parent: standardId, required: kind === "R" })),
    ]),
  ];
}

export const HIPAA: Framework = {
  ...FRAMEWORK_NAMES.HIPAA,
  version: "45 CFR 164 Subpart C (2013)",
  source: "HHS, 45 CFR 164.308-164.316 (Security Standards for the Protection of Electronic PHI)",
  requirements: SECTIONS.flatMap(sectionRequirements),
};
