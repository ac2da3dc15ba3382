/**
 * Ribbon commands. Loaded into the shared-runtime page (taskpane.html) next to the task pane and the
 * custom functions, so it only registers handlers and never touches the page's DOM.
 */
import { checkWorkbookCommand, publishToWindow } from "./checkWorkbook";

/** Must match <FunctionName> of the CheckWorkbookButton control in manifest.xml. */
export const CHECK_WORKBOOK_ACTION = "checkWorkbook";

async function onCheckWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // Loaded on first use: the ribbon page starts with only the handler registrations.
    const { checkWorkbook, selectRange } = await import(/* webpackChunkName: "check" */ "../excel/check");
    await checkWorkbookCommand({
      runInExcel: (batch) => Excel.run(batch),
      operations: { checkWorkbook: (context) => checkWorkbook(context), selectRange },
      showTaskpane: () => Office.addin.showAsTaskpane(),
      publish: publishToWindow(window),
    });
  } finally {
    // Office waits for this before it runs the next command.
    event.completed();
  }
}

export function registerCommands(office: typeof Office): void {
  office.actions.associate(CHECK_WORKBOOK_ACTION, onCheckWorkbook);
}

// Outside Office (demo page, tests) office.js may be absent or have no actions API.
if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    if (typeof Office.actions?.associate === "function") registerCommands(Office);
  });
}
