/**
 * Results of the ribbon's "Check Workbook" command, which runs on the same shared-runtime page and
 * hands its findings over through a window event (and the last result, for a pane opened later).
 */
import * as React from "react";
import { WORKBOOK_CHECKED_EVENT, type WorkbookCheckedDetail } from "../commands/events";

type CheckTarget = Window & { ismpLastWorkbookCheck?: WorkbookCheckedDetail };

export function useRibbonCheck(target: CheckTarget = window): WorkbookCheckedDetail | undefined {
  const [detail, setDetail] = React.useState<WorkbookCheckedDetail | undefined>(target.ismpLastWorkbookCheck);
  React.useEffect(() => {
    const listener = (event: Event) => setDetail((event as CustomEvent<WorkbookCheckedDetail>).detail);
    target.addEventListener(WORKBOOK_CHECKED_EVENT, listener);
    return () => target.removeEventListener(WORKBOOK_CHECKED_EVENT, listener);
  }, [target]);
  return detail;
}
