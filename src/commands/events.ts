/** How ribbon commands talk to the task pane: both run on the same shared-runtime page. */
import type { Problem } from "../excel/operations";

/** Dispatched on `window` with a `CustomEvent<WorkbookCheckedDetail>` after "Check Workbook". */
export const WORKBOOK_CHECKED_EVENT = "ismp:workbook-checked";

export type WorkbookCheckedDetail =
  | { ok: true; problems: Problem[] }
  | { ok: false; message: string };
