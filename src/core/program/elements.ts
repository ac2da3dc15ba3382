/**
 * The eight elements of an information security management program, each with the sheet that
 * holds its register. The RACI matrix, the pane's Program view and Check read this list.
 */
export const PROGRAM_ELEMENTS = [
  { name: "Governance", sheet: "Program" },
  { name: "Risk management", sheet: "Risk Register" },
  { name: "Policies", sheet: "Policies" },
  { name: "Asset management", sheet: "Asset Inventory" },
  { name: "Access control", sheet: "Access Reviews" },
  { name: "Incident response", sheet: "Incidents" },
  { name: "Vendor management", sheet: "Vendors" },
  { name: "Training and awareness", sheet: "Training" },
] as const;

export type ProgramElement = (typeof PROGRAM_ELEMENTS)[number]["name"];
export const PROGRAM_ELEMENT_NAMES: readonly ProgramElement[] = PROGRAM_ELEMENTS.map((e) => e.name);
