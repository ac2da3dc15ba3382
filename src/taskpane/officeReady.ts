/**
 * Office.onReady, for a pane that renders before it resolves.
 *
 * Microsoft's "Initialize your Office Add-in" says an add-in can't successfully call Office
 * JavaScript APIs until the library has loaded (Office.onReady), and allows UI before that: a
 * progress indicator may render first and the onReady callback replace it with the final UI. The
 * pane goes one step further and renders its real first view at once (issue #10: first render
 * within 500 ms), but nothing Office-dependent runs before onReady: workbook operations wait for it
 * (excelHost.ts), the Office theme and the requirement-set check are read once it resolves.
 */
import { useEffect, useState } from "react";

let ready: Promise<void> | undefined;
let isReady = false;

/** Resolves once Office.js has initialized (at once outside Office: Office.onReady resolves with a null host). */
export function whenOfficeReady(): Promise<void> {
  ready ??=
    typeof Office === "undefined"
      ? Promise.reject(new Error("Office.js did not load, so this pane cannot reach the workbook. Check the connection, then reopen the add-in from Excel."))
      : Office.onReady().then(() => {
          isReady = true;
        });
  return ready;
}

/** False until Office.onReady resolves, then true. */
export function useOfficeReady(): boolean {
  const [readyNow, setReadyNow] = useState(isReady);
  useEffect(() => {
    if (readyNow) return;
    let mounted = true;
    whenOfficeReady().then(
      () => mounted && setReadyNow(true),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [readyNow]);
  return readyNow;
}
