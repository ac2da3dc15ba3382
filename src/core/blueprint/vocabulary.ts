import { ISMP_ELEMENTS } from "../controls/types";

/** Fixed vocabularies of the workbook's drop-downs. Editable lists (categories) live on the Scales sheet. */

export const TREATMENTS = ["Mitigate", "Accept", "Transfer", "Avoid"] as const;
export const RISK_STATUSES = ["Open", "In treatment", "Accepted", "Closed"] as const;
export const YES_NO = ["Yes", "No"] as const;

/** Risk categories default to the ISMP elements the control library is organised by. */
export const RISK_CATEGORIES = ISMP_ELEMENTS;

export const ASSET_TYPES = ["Information", "Application", "System", "Hardware", "Network", "People", "Facility", "Vendor service"] as const;
export const CLASSIFICATIONS = ["Public", "Internal", "Confidential", "Restricted"] as const;
export const ASSET_STATUSES = ["Active", "Planned", "Retired"] as const;
/** Asset security ratings (FIPS 199 style): 1 Low, 2 Moderate, 3 High. */
export const CIA_LEVELS = [
  { level: 1, label: "Low" },
  { level: 2, label: "Moderate" },
  { level: 3, label: "High" },
] as const;

export const DATE_FORMAT = "yyyy-mm-dd";
