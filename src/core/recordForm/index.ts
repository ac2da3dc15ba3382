/** The record form of any register: its fields from the declaration, and its values read and checked. Pure. */
export * from "./formModel";
export * from "./recordValues";
