/** Import into any register, and export back: pure, so the task pane and the CLI share every rule. */
export * from "./sourceTable";
export * from "./cellText";
export * from "./headerMatch";
export * from "./fieldValue";
export * from "./importPlan";
export * from "./importSetup";
export * from "./mappingFile";
export * from "./profiles";
export * from "./exportRows";
export * from "./csvEscape";
export * from "./decodeText";
