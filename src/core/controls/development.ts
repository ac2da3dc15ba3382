import type { LibraryControlSource } from "./types";

/** Secure development controls: building and acquiring software that resists attack. */
export const DEVELOPMENT_CONTROLS: readonly LibraryControlSource[] = [
  {
    id: "SDL-01", name: "Secure development lifecycle",
    description: "Software is built under a defined lifecycle with security activities at each phase: requirements, design review, coding standards, testing and release approval.",
    element: "Secure development", type: "Administrative", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.25 =9 @53iso:SA-3"],
      NISTCSF: ["PR.PS-06 <+8 @csf53:SA-3"],
      SOC2: ["CC8.1 <+7"],
      HIPAA: ["§164.308(a)(1)(ii)(B) ~3"],
      NIST80053: ["SA-3 <+7 @csf53:PR.PS-06", "SA-15 <+8 @csf53:PR.PS-06"],
      GLBA: ["314.4(c)(4) <+7"],
    },
  },
  {
    id: "SDL-02", name: "Security requirements for systems and acquisitions",
    description: "Security and privacy requirements are specified for new systems, enhancements and purchased products, including in project plans.",
    element: "Secure development", type: "Administrative", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.26 <+7", "A.5.8 >9 @53iso:SA-4"],
      NISTCSF: ["PR.PS-06 ~3", "GV.SC-05 ~5 @csf53:SA-4"],
      SOC2: ["CC8.1 ~3", "PI1.1 ~3"],
      NIST80053: ["SA-4 <+8 @csf53:GV.SC-05", "SA-2 <+6"],
      GLBA: ["314.4(c)(4) ~3"],
    },
  },
  {
    id: "SDL-03", name: "Secure coding and code review",
    description: "Developers follow secure coding standards and every change is peer reviewed, with automated static analysis in the pipeline.",
    element: "Secure development", type: "Technical", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.28 <+8 @53iso:SA-11"],
      NISTCSF: ["PR.PS-06 <+8 @csf53:SA-11"],
      SOC2: ["CC8.1 ~3"],
      NIST80053: ["SA-11 <+6 @csf53:PR.PS-06", "SA-15 <+8 @csf53:PR.PS-06"],
      GLBA: ["314.4(c)(4) <+7"],
    },
  },
  {
    id: "SDL-04", name: "Application security testing",
    description: "Test applications for security flaws before release with dynamic and dependency scanning, and fix findings by severity.",
    element: "Secure development", type: "Technical", function: "Detective",
    mappings: {
      ISO27001: ["A.8.29 <+8 @53iso:SA-11"],
      NISTCSF: ["PR.PS-06 <+6 @csf53:SA-11", "ID.RA-01 <+6 @csf53:SA-11"],
      SOC2: ["CC8.1 <+5", "CC7.1 ~3"],
      NIST80053: ["SA-11 <+8 @csf53:PR.PS-06", "CA-2 ~4 @csf53:ID.RA-01"],
      GLBA: ["314.4(c)(4) ~3", "314.4(d) <+5"],
      GDPR: ["Art.32(1)(d) <+5"],
    },
  },
  {
    id: "SDL-05", name: "Separation of environments and test data",
    description: "Keep development, test and production environments separate, and do not use real sensitive data in testing unless it is protected like production.",
    element: "Secure development", type: "Technical", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.31 >9 @53iso:CM-4", "A.8.33 >9 @53iso:SA-3"],
      NISTCSF: ["PR.IR-01 ~3", "PR.DS-01 ~4"],
      SOC2: ["CC8.1 <+5"],
      NIST80053: ["CM-4 <+6 @53iso:A.8.31", "SA-3 <+6 @53iso:A.8.31"],
    },
  },
  {
    id: "SDL-06", name: "Outsourced development oversight",
    description: "Direct and monitor outsourced development with contractual security requirements, code review rights and acceptance testing.",
    element: "Secure development", type: "Administrative", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.30 =9 @53iso:SA-4"],
      NISTCSF: ["GV.SC-05 <+8 @csf53:SA-4", "PR.PS-06 <+6 @csf53:SA-11"],
      SOC2: ["CC9.2 ~3", "CC8.1 <+5"],
      NIST80053: ["SA-4 <+6 @csf53:GV.SC-05", "SA-11 <+8 @csf53:PR.PS-06", "SA-10 <+6 @csf53:PR.PS-06"],
      GLBA: ["314.4(c)(4) <+5", "314.4(f) <+5"],
    },
  },
  {
    id: "SDL-07", name: "Source code protection",
    description: "Restrict read and write access to source code, build pipelines and developer tools, and track changes under version control.",
    element: "Secure development", type: "Technical", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.4 <+8 @53iso:CM-5"],
      NISTCSF: ["PR.AA-05 ~3", "PR.PS-06 <+6 @csf53:SA-10"],
      SOC2: ["CC8.1 <+5", "CC6.1 <+5"],
      NIST80053: ["CM-5 <+8 @53iso:A.8.4", "SA-10 <+8 @csf53:PR.PS-06"],
    },
  },
  {
    id: "SDL-08", name: "Input validation and error handling",
    description: "Applications validate all input, handle errors without revealing sensitive details, and protect memory from exploitation.",
    element: "Secure development", type: "Technical", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.28 <+6 @csfiso:PR.PS-06", "A.8.26 <+6 @csfiso:PR.DS-10"],
      NISTCSF: ["PR.PS-06 <+6 @csfiso:A.8.28", "PR.DS-10 <+6 @csf53:SI-10"],
      SOC2: ["PI1.2 >8", "CC8.1 ~3"],
      NIST80053: ["SI-10 <+8 @csf53:PR.DS-10", "SI-11 >8", "SI-16 <+8 @csf53:PR.DS-10"],
    },
  },
  {
    id: "SDL-09", name: "Processing integrity checks",
    description: "Define processing specifications and reconcile inputs, processing and outputs so that data is complete, accurate and timely.",
    element: "Secure development", type: "Technical", function: "Detective",
    mappings: {
      ISO27001: ["A.8.26 <+6 @csfiso:PR.DS-01"],
      NISTCSF: ["PR.DS-01 <+6 @csf53:SI-7"],
      SOC2: ["PI1.1 =8", "PI1.3 >8", "PI1.4 >8", "PI1.5 <+7"],
      HIPAA: ["§164.312(c)(2) <+6 @hip53:SI-7"],
      NIST80053: ["SI-10 <+7", "SI-7 <+8 @csf53:PR.DS-01"],
      GDPR: ["Art.32(1)(b) <+5"],
    },
  },
  {
    id: "SDL-10", name: "System documentation",
    description: "Maintain administrator and user documentation for each system covering secure configuration, operation and known weaknesses.",
    element: "Secure development", type: "Administrative", function: "Preventive",
    mappings: {
      ISO27001: ["A.5.37 <+8 @53iso:SA-5", "A.8.27 <+6 @53iso:SA-8"],
      NISTCSF: ["PR.PS-06 <+6 @csf53:SA-8"],
      SOC2: ["CC2.2 ~3"],
      NIST80053: ["SA-5 <+8 @53iso:A.5.37", "SA-8 <+6 @csf53:PR.PS-06"],
    },
  },
];
