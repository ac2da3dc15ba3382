export { CONTROL_LIBRARY, ISMP_ELEMENTS, LIBRARY_MAPPINGS, libraryMapping } from "./library";
export { CROSSWALK_FILES, PROJECT_JUDGEMENT } from "./mappingRecords";
export { RELATIONSHIPS } from "./types";
export type { ControlFunction, ControlMappings, ControlType, IsmpElement, LibraryControl, MappingRecord, Relationship } from "./types";
