/**
 * The package a workbook was read from, kept beside its model so that saving patches that package
 * instead of writing a new one: the bytes, the parts by name, and the baseline of the model as read.
 */
import type { HeadlessWorkbook } from "../../model/workbook";
import type { WorkbookBaseline } from "./baseline";

export interface OriginalPackage {
  bytes: Uint8Array;
  /** The workbook part ("xl/workbook.xml" in most packages). */
  workbookPart: string;
  baseline: WorkbookBaseline;
}

const originals = new WeakMap<HeadlessWorkbook, OriginalPackage>();

export function rememberOriginal(workbook: HeadlessWorkbook, original: OriginalPackage): void {
  originals.set(workbook, original);
}

export function originalOf(workbook: HeadlessWorkbook): OriginalPackage | undefined {
  return originals.get(workbook);
}
