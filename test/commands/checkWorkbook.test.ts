import { checkWorkbookCommand, publishToWindow, type CheckWorkbookDependencies, type WorkbookCheckTarget } from "../../src/commands/checkWorkbook";
import { WORKBOOK_CHECKED_EVENT, type WorkbookCheckedDetail } from "../../src/commands/events";
import type { Problem } from "../../src/excel/operations";

const context = {} as Excel.RequestContext;

function problem(severity: Problem["severity"], sheet: string, address: string): Problem {
  return { code: severity === "error" ? "DUPLICATE_ID" : "MISSING_OWNER", severity, sheet, address, message: `${severity} at ${address}` };
}

function fakeDependencies(check: () => Promise<Problem[]>) {
  const selected: Array<[string, string]> = [];
  const published: WorkbookCheckedDetail[] = [];
  const showTaskpane = jest.fn(async () => undefined);
  const deps: CheckWorkbookDependencies = {
    runInExcel: (batch) => batch(context),
    operations: {
      checkWorkbook: check,
      selectRange: async (_context, sheet, address) => {
        selected.push([sheet, address]);
      },
    },
    showTaskpane,
    publish: (detail) => published.push(detail),
  };
  return { deps, selected, published, showTaskpane };
}

describe("the Check Workbook command", () => {
  it("selects the first error even when a warning was found before it, and opens the pane", async () => {
    const found = [problem("warning", "Assets", "C4"), problem("error", "Risk Register", "A7")];
    const { deps, selected, published, showTaskpane } = fakeDependencies(async () => found);

    const detail = await checkWorkbookCommand(deps);

    expect(selected).toEqual([["Risk Register", "A7"]]);
    expect(detail).toEqual({ ok: true, problems: [found[1], found[0]] });
    expect(published).toEqual([detail]);
    expect(showTaskpane).toHaveBeenCalledTimes(1);
  });

  it("selects nothing when the workbook is clean", async () => {
    const { deps, selected, published } = fakeDependencies(async () => []);
    await checkWorkbookCommand(deps);
    expect(selected).toEqual([]);
    expect(published).toEqual([{ ok: true, problems: [] }]);
  });

  it("publishes the failure instead of throwing when the check fails", async () => {
    const { deps, published, showTaskpane } = fakeDependencies(async () => {
      throw new Error("The Risks table is missing");
    });
    await expect(checkWorkbookCommand(deps)).resolves.toEqual({ ok: false, message: "The Risks table is missing" });
    expect(published).toEqual([{ ok: false, message: "The Risks table is missing" }]);
    expect(showTaskpane).toHaveBeenCalled();
  });

  it("still resolves when the pane cannot be shown", async () => {
    const { deps } = fakeDependencies(async () => []);
    deps.showTaskpane = () => Promise.reject(new Error("not supported"));
    await expect(checkWorkbookCommand(deps)).resolves.toEqual({ ok: true, problems: [] });
  });
});

describe("publishToWindow", () => {
  it("dispatches the result as an event and keeps it for a pane that mounts later", () => {
    const target: WorkbookCheckTarget = new EventTarget();
    const received: unknown[] = [];
    target.addEventListener(WORKBOOK_CHECKED_EVENT, (event) => received.push((event as CustomEvent).detail));
    const detail: WorkbookCheckedDetail = { ok: true, problems: [problem("error", "Assets", "B2")] };

    publishToWindow(target)(detail);

    expect(received).toEqual([detail]);
    expect(target.ismpLastWorkbookCheck).toEqual(detail);
  });
});
