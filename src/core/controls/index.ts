export { CONTROL_LIBRARY, ISMP_ELEMENTS } from "./library";
export type { ControlFunction, ControlMappings, ControlType, IsmpElement, LibraryControl } from "./types";
