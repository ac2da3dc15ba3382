import type { LibraryControl } from "./types";

/** Secure development controls: building and acquiring software that resists attack. */
export const DEVELOPMENT_CONTROLS: readonly LibraryControl[] = [
  {
    id: "SDL-01", name: "Secure development lifecycle",
    description: "Software is built under a defined lifecycle with security activities at each phase: requirements, design review, coding standards, testing and release approval.",
    element: "Secure development", type: "Administrative", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.25"],
      NISTCSF: ["PR.PS-06"],
      SOC2: ["CC8.1"],
      HIPAA: ["§164.308(a)(1)(ii)(B)"],
      NIST80053: ["SA-3", "SA-15"],
      GLBA: ["314.4(c)(4)"],
    },
  },
  {
    id: "SDL-02", name: "Security requirements for systems and acquisitions",
    description: "Security and privacy requirements are specified for new systems, enhancements and purchased products, including in project plans.",
    element: "Secure development", type: "Administrative", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.26", "A.5.8"],
      NISTCSF: ["PR.PS-06", "GV.SC-05"],
      SOC2: ["CC8.1", "PI1.1"],
      NIST80053: ["SA-4", "SA-2"],
      GLBA: ["314.4(c)(4)"],
    },
  },
  {
    id: "SDL-03", name: "Secure coding and code review",
    description: "Developers follow secure coding standards and every change is peer reviewed, with automated static analysis in the pipeline.",
    element: "Secure development", type: "Technical", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.28"],
      NISTCSF: ["PR.PS-06"],
      SOC2: ["CC8.1"],
      NIST80053: ["SA-11", "SA-15"],
      GLBA: ["314.4(c)(4)"],
    },
  },
  {
    id: "SDL-04", name: "Application security testing",
    description: "Test applications for security flaws before release with dynamic and dependency scanning, and fix findings by severity.",
    element: "Secure development", type: "Technical", function: "Detective",
    mappings: {
      ISO27001: ["A.8.29"],
      NISTCSF: ["PR.PS-06", "ID.RA-01"],
      SOC2: ["CC8.1", "CC7.1"],
      NIST80053: ["SA-11", "CA-2"],
      GLBA: ["314.4(c)(4)", "314.4(d)"],
      GDPR: ["Art.32(1)(d)"],
    },
  },
  {
    id: "SDL-05", name: "Separation of environments and test data",
    description: "Keep development, test and production environments separate, and do not use real sensitive data in testing unless it is protected like production.",
    element: "Secure development", type: "Technical", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.31", "A.8.33"],
      NISTCSF: ["PR.IR-01", "PR.DS-01"],
      SOC2: ["CC8.1"],
      NIST80053: ["CM-4", "SA-3"],
    },
  },
  {
    id: "SDL-06", name: "Outsourced development oversight",
    description: "Direct and monitor outsourced development with contractual security requirements, code review rights and acceptance testing.",
    element: "Secure development", type: "Administrative", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.30"],
      NISTCSF: ["GV.SC-05", "PR.PS-06"],
      SOC2: ["CC9.2", "CC8.1"],
      NIST80053: ["SA-4", "SA-11", "SA-10"],
      GLBA: ["314.4(c)(4)", "314.4(f)"],
    },
  },
  {
    id: "SDL-07", name: "Source code protection",
    description: "Restrict read and write access to source code, build pipelines and developer tools, and track changes under version control.",
    element: "Secure development", type: "Technical", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.4"],
      NISTCSF: ["PR.AA-05", "PR.PS-06"],
      SOC2: ["CC8.1", "CC6.1"],
      NIST80053: ["CM-5", "SA-10"],
    },
  },
  {
    id: "SDL-08", name: "Input validation and error handling",
    description: "Applications validate all input, handle errors without revealing sensitive details, and protect memory from exploitation.",
    element: "Secure development", type: "Technical", function: "Preventive",
    mappings: {
      ISO27001: ["A.8.28", "A.8.26"],
      NISTCSF: ["PR.PS-06", "PR.DS-10"],
      SOC2: ["PI1.2", "CC8.1"],
      NIST80053: ["SI-10", "SI-11", "SI-16"],
    },
  },
  {
    id: "SDL-09", name: "Processing integrity checks",
    description: "Define processing specifications and reconcile inputs, processing and outputs so that data is complete, accurate and timely.",
    element: "Secure development", type: "Technical", function: "Detective",
    mappings: {
      ISO27001: ["A.8.26"],
      NISTCSF: ["PR.DS-01"],
      SOC2: ["PI1.1", "PI1.3", "PI1.4", "PI1.5"],
      HIPAA: ["§164.312(c)(2)"],
      NIST80053: ["SI-10", "SI-7"],
      GDPR: ["Art.32(1)(b)"],
    },
  },
  {
    id: "SDL-10", name: "System documentation",
    description: "Maintain administrator and user documentation for each system covering secure configuration, operation and known weaknesses.",
    element: "Secure development", type: "Administrative", function: "Preventive",
    mappings: {
      ISO27001: ["A.5.37", "A.8.27"],
      NISTCSF: ["PR.PS-06"],
      SOC2: ["CC2.2"],
      NIST80053: ["SA-5", "SA-8"],
    },
  },
];
