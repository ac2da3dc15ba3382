/**
 * Browser tests of the demo page in Debian Chromium: the real task pane against the headless
 * workbook ("prove it outside Excel"). One demo build and one browser serve every test here.
 * Each page runs in its own context where any request leaving 127.0.0.1 is aborted and recorded;
 * the last test asserts the add-in made none. Screenshots go to artifacts/screenshots/.
 * Without /usr/bin/chromium the suite skips loudly, or fails when CI is set.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { buildBlueprint, defaultOptions } from "../../src/core/blueprint";
import { RISK, RISK_REGISTER_SHEET, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { CONTROL, CONTROLS_TABLE, mappingColumnHeader } from "../../src/core/blueprint/controlMatrix";
import { INCIDENT, INCIDENTS, INCIDENTS_TABLE } from "../../src/core/registers/incidents";
import { chromiumDependency, describeWith } from "../support/systemDeps";
import { auditAccessibility, isBlocking, summarizeAudits, type Audit } from "./accessibility";
import {
  buildWithSampleData,
  clickBuild,
  createRequestGuard,
  openDemo,
  openView,
  pane,
  screenshotPath,
  sheetTabs,
  startDemo,
  THEMES,
  VIEWS,
  viewSlug,
  type DemoPage,
  type DemoSession,
  type Theme,
  type ViewName,
} from "./demoHarness";
import {
  addTableColumn,
  addTableRow,
  cellAddressOf,
  cellValue,
  qualifiedAddress,
  readStructure,
  readTable,
  selectedAddress,
  tableOnSheet,
  typeCells,
  type TableSnapshot,
} from "./workbookInPage";

const TASK_PANE = 'main[aria-label="Task pane"]';

/** What each view shows once it has finished reading the workbook. */
const VIEW_READY: Record<ViewName, (panel: Locator) => Locator> = {
  "Set up": (panel) => panel.getByRole("button", { name: "Build" }),
  Program: (panel) => panel.getByRole("list", { name: "Program elements" }),
  Risks: (panel) => panel.getByRole("table", { name: "Risk counts by rating" }),
  Coverage: (panel) => panel.getByText(/requirements$|No frameworks in scope/).first(),
  Heatmap: (panel) => panel.getByRole("group", { name: /risk heatmap/ }),
  Check: (panel) => panel.getByText(/No problems found|Errors \(|Warnings \(/).first(),
  Record: (panel) => panel.getByRole("form").or(panel.getByText(/Run Build in Set up first/)).first(),
  Import: (panel) => panel.getByRole("button", { name: /Choose a CSV or Excel file/ }),
};

const IMPORT_FIXTURES = join(__dirname, "..", "fixtures", "import");
const FRAMEWORK_FIXTURES = join(__dirname, "..", "fixtures", "frameworks");

async function showView(page: Page, view: ViewName): Promise<Locator> {
  const panel = await openView(page, view);
  await VIEW_READY[view](panel).waitFor({ timeout: 30_000 });
  await pane(page).getByRole("progressbar").waitFor({ state: "detached" });
  return panel;
}

/** A heatmap cell with at least one risk: "3 High risks: Likelihood 4 Likely, Impact 5 Severe". */
const BUSY_CELL = /^[1-9]\d* .*risks?: /;
const riskCount = (cellName: string | null) => Number(/^(\d+) /.exec(cellName ?? "")?.[1]);

const audits: Audit[] = [];

/** Fails on serious or critical axe violations in the task pane; the rest are printed at the end of the run. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await auditAccessibility(page, TASK_PANE);
  audits.push({ where, violations });
  expect(violations.filter(isBlocking).map((v) => `${v.rule}: ${v.help} at ${v.targets.join(", ")}`)).toEqual([]);
}

describeWith(chromiumDependency(), { suite: "browser", title: "demo page in Chromium" }, () => {
  let session: DemoSession;
  const guard = createRequestGuard();
  let testsRun = 0;

  beforeAll(async () => {
    session = await startDemo();
  }, 600_000);

  afterEach(() => {
    testsRun += 1;
  });

  afterAll(async () => {
    await session?.close();
    console.log(`${summarizeAudits(audits)}\nBROWSER TESTS RUN: ${testsRun}`);
  });

  /** Opens the demo, runs `body`, then requires a clean console. */
  async function withDemo(theme: Theme, body: (demo: DemoPage) => Promise<void>): Promise<void> {
    const demo = await openDemo(session, guard, theme);
    try {
      await body(demo);
      expect(demo.consoleErrors).toEqual([]);
    } finally {
      await demo.close();
    }
  }

  it("shows every view on an empty workbook, accessibly", () =>
    withDemo("light", async ({ page }) => {
      expect(await sheetTabs(page).allTextContents()).toEqual(["Sheet1"]);
      for (const view of VIEWS) {
        await showView(page, view);
        await page.screenshot({ path: screenshotPath(`empty-${viewSlug(view)}-light`) });
        await expectAccessible(page, `empty workbook, ${view}, light`);
      }
    }));

  it.each(THEMES)("builds from Set up on an empty workbook, then every view is accessible (%s theme)", (theme) =>
    withDemo(theme, async ({ page }) => {
      const report = await buildWithSampleData(page);
      expect(report).toMatch(/^Done: \d+ created/);
      const blueprint = buildBlueprint({ ...defaultOptions(), sample: true }, { today: new Date() });
      const built = await readStructure(page);
      expect(built.sheets).toEqual(expect.arrayContaining(blueprint.sheets.map((sheet) => sheet.name)));
      expect(built.tables).toEqual(blueprint.sheets.flatMap((sheet) => sheet.tables.map((table) => tableOnSheet(table.name, sheet.name))).sort());
      expect(await sheetTabs(page).allTextContents()).toEqual(expect.arrayContaining(blueprint.sheets.map((sheet) => sheet.name)));
      expect((await readTable(page, RISKS_TABLE)).rows.length).toBeGreaterThan(0);
      await page.screenshot({ path: screenshotPath(`setup-built-${theme}`) });
      await expectAccessible(page, `built workbook, Set up, ${theme}`);

      for (const view of VIEWS.slice(1)) {
        await showView(page, view);
        await page.screenshot({ path: screenshotPath(`${viewSlug(view)}-${theme}`) });
        await expectAccessible(page, `built workbook, ${view}, ${theme}`);
      }
    }));

  it.each(THEMES)("imports another tool's CSV only after its preview, with unknown values mapped by the user (%s theme)", (theme) =>
    withDemo(theme, async ({ page }) => {
      await buildWithSampleData(page);
      const before = await readTable(page, RISKS_TABLE);
      const panel = await showView(page, "Import");
      await panel.getByRole("combobox", { name: "File layout" }).click();
      await page.getByRole("option", { name: "SimpleRisk risks (CSV export)" }).click();
      await panel.locator('input[type="file"]').setInputFiles(join(IMPORT_FIXTURES, "simplerisk-risks.csv"));
      const status = panel.getByRole("status");
      await status.filter({ hasText: "3 rows to add, 0 to update, 0 skipped, 1 with errors." }).waitFor({ timeout: 30_000 });
      await expect(panel.getByRole("button", { name: "Import 3 rows" }).isDisabled()).resolves.toBe(true);
      expect((await readTable(page, RISKS_TABLE)).rows).toEqual(before.rows);
      await page.screenshot({ path: screenshotPath(`import-preview-${theme}`), fullPage: true });
      await expectAccessible(page, `import preview, ${theme}`);

      await panel.getByRole("combobox", { name: /Treatment: "Research"/ }).click();
      await page.getByRole("option", { name: "Mitigate" }).click();
      await status.filter({ hasText: "4 rows to add" }).waitFor({ timeout: 30_000 });
      await panel.getByRole("button", { name: "Import 4 rows" }).click();
      await panel.getByText("Added 4 rows and updated 0 rows in Risks.").waitFor({ timeout: 30_000 });
      const after = await readTable(page, RISKS_TABLE);
      expect(after.rows.length).toBe(before.rows.length + 4);
      expect(after.rows.slice(0, before.rows.length)).toEqual(before.rows);
      expect(after.rows.slice(before.rows.length).map((_row, i) => cellValue(after, before.rows.length + i, RISK.id))).toEqual(["1001", "1002", "1003", "1004"]);
      await expectAccessible(page, `import done, ${theme}`);
    }));

  it.each(THEMES)("suggests requirements for an unmapped control and writes only the one accepted (%s theme)", (theme) =>
    withDemo(theme, async ({ page }) => {
      await buildWithSampleData(page);
      const controls = await readTable(page, CONTROLS_TABLE);
      const isoColumn = mappingColumnHeader("ISO27001");
      const emptied = cellAddressOf(controls, 0, isoColumn);
      await typeCells(page, controls.sheet, { [emptied]: "" });
      const controlId = String(cellValue(controls, 0, CONTROL.id));
      const panel = await showView(page, "Import");
      await panel.getByRole("textbox", { name: "Accepted by" }).fill("Ana Analyst");
      await panel.getByRole("button", { name: "Suggest" }).click();
      const group = panel.getByRole("group", { name: new RegExp(`^Suggestions for ${controlId} `) });
      await group.waitFor({ timeout: 30_000 });
      expect(String(cellValue(await readTable(page, CONTROLS_TABLE), 0, isoColumn))).toBe("");
      await page.screenshot({ path: screenshotPath(`suggestions-${theme}`), fullPage: true });
      await expectAccessible(page, `mapping suggestions, ${theme}`);
      const accept = group.getByRole("button", { name: /^Accept / }).first();
      const requirement = /^Accept (\S+) for/.exec((await accept.getAttribute("aria-label")) ?? "")![1];
      await accept.click();
      await panel.getByText(`Accepted: ${controlId} → ${requirement}.`).waitFor({ timeout: 30_000 });
      const after = await readTable(page, CONTROLS_TABLE);
      expect(String(cellValue(after, 0, isoColumn))).toBe(requirement);
      expect(after.rows.slice(1)).toEqual(controls.rows.slice(1));
    }));

  it.each(THEMES)("adds a record and edits the selected row from the form, by keyboard, one row in one sync (%s theme)", (theme) =>
    withDemo(theme, async ({ page }) => {
      await buildWithSampleData(page);
      const incidentsBefore = await readTable(page, INCIDENTS_TABLE);
      const panel = await showView(page, "Record");
      const wide = await panel.evaluate((el) => {
        const limit = el.getBoundingClientRect().right + 1;
        return [...el.querySelectorAll("*")].filter((n) => n.getBoundingClientRect().right > limit).slice(0, 8).map((n) => `${n.tagName}.${n.className} ${Math.round(n.getBoundingClientRect().right)} ${el.getBoundingClientRect().right} ${(n.textContent ?? "").slice(0, 40)}`);
      });
      expect(wide).toEqual([]);

      await panel.getByRole("combobox", { name: "Register" }).click();
      await page.getByRole("option", { name: INCIDENTS.sheet.name, exact: true }).click();
      const form = panel.getByRole("form", { name: "New incident" });
      await form.waitFor();
      // An empty required field and a bad date are refused, naming the field and what it takes.
      await form.getByRole("button", { name: "Add incident" }).click();
      await form.getByText("Title is required.", { exact: false }).first().waitFor();
      expect(await form.getByRole("textbox", { name: "Title *", exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
      await page.screenshot({ path: screenshotPath(`record-errors-${theme}`), fullPage: true });
      await expectAccessible(page, `record form with errors, ${theme}`);

      // By keyboard: type, pick from the drop-downs with the arrow keys, Enter submits.
      await page.keyboard.type("Phishing mail opened by finance");
      await form.getByRole("combobox", { name: /^Severity \*/ }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("option", { name: "High", exact: true }).waitFor();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await form.getByRole("textbox", { name: "Detected *", exact: true }).fill("2026-11-20T09:15");
      await form.getByRole("combobox", { name: /^Status \*/ }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("option", { name: "Open", exact: true }).click();
      await form.getByRole("textbox", { name: "Owner", exact: true }).focus();
      await page.keyboard.type("Sam Lee");
      await page.keyboard.press("Enter");
      const added = panel.getByRole("status").filter({ hasText: /Added incident \S+ at .* \(1 sync\)\./ });
      await added.waitFor({ timeout: 30_000 });
      const incidentsAfter = await readTable(page, INCIDENTS_TABLE);
      expect(incidentsAfter.rows.length).toBe(incidentsBefore.rows.length + 1);
      expect(incidentsAfter.rows.slice(0, incidentsBefore.rows.length)).toEqual(incidentsBefore.rows);
      const last = incidentsAfter.rows.length - 1;
      expect(cellValue(incidentsAfter, last, INCIDENT.title)).toBe("Phishing mail opened by finance");
      expect(cellValue(incidentsAfter, last, INCIDENT.owner)).toBe("Sam Lee");
      expect(cellValue(incidentsAfter, last, INCIDENT.status)).toBe("Open");
      expect(typeof cellValue(incidentsAfter, last, INCIDENT.severity)).toBe("string");
      expect(cellValue(incidentsAfter, last, INCIDENT.detected)).toBeCloseTo(46346 + 9.25 / 24, 6);
      await expectAccessible(page, `record form after adding, ${theme}`);

      // Edit: the row selected in the sheet; only the changed cell is written.
      const risks = await readTable(page, RISKS_TABLE);
      const ownerCell = cellAddressOf(risks, 2, RISK.owner);
      await page.evaluate(
        ({ sheet, address }) =>
          Excel.run(async (context) => {
            context.workbook.worksheets.getItem(sheet).getRange(address).select();
            await context.sync();
          }),
        { sheet: risks.sheet, address: cellAddressOf(risks, 2, RISK.title) },
      );
      await panel.getByRole("button", { name: "Edit selected row" }).click();
      const id = String(cellValue(risks, 2, RISK.id));
      const editForm = panel.getByRole("form", { name: new RegExp(`^Edit risk ${id} `) });
      await editForm.waitFor();
      await page.screenshot({ path: screenshotPath(`record-edit-${theme}`), fullPage: true });
      await expectAccessible(page, `record form editing a risk, ${theme}`);
      const owner = editForm.getByRole("textbox", { name: "Owner", exact: true });
      await owner.focus();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type("Dana Whitfield");
      await page.keyboard.press("Enter");
      await panel.getByRole("status").filter({ hasText: `Saved risk ${id} at` }).filter({ hasText: "(1 sync)." }).waitFor({ timeout: 30_000 });
      const risksAfter = await readTable(page, RISKS_TABLE);
      expect(risksAfter.rows.length).toBe(risks.rows.length);
      risksAfter.rows.forEach((row, i) => i !== 2 && expect(row).toEqual(risks.rows[i]));
      expect(cellValue(risksAfter, 2, RISK.owner)).toBe("Dana Whitfield");
      const changed = risksAfter.headers.filter((h) => cellValue(risksAfter, 2, h) !== cellValue(risks, 2, h));
      expect(changed).toEqual([RISK.owner]);
      expect(ownerCell).toBe(cellAddressOf(risksAfter, 2, RISK.owner));
    }));

  it("shows the eight program elements with their health in words and the roadmap phase; an element's link opens its sheet", () =>
    withDemo("light", async ({ page }) => {
      await buildWithSampleData(page);
      const panel = await showView(page, "Program");
      const items = panel.getByRole("list", { name: "Program elements" }).getByRole("listitem");
      await expect(items.count()).resolves.toBe(8);
      for (const text of await items.allTextContents()) expect(text).toMatch(/(On target|Off target|No target set|No data)/);
      await expect(panel.getByRole("region", { name: "Roadmap" }).textContent()).resolves.toMatch(/Roadmap phase.+(\d+% done|complete)/);
      await page.screenshot({ path: screenshotPath("program-light"), fullPage: true });
      await sheetTabs(page).first().click();
      await items.filter({ hasText: "Incident response" }).getByRole("button", { name: /^Incident response, go to / }).click();
      await page.waitForFunction(() => document.querySelector(".sheet-tab.active")?.textContent === "Incidents");
    }));

  it.each(THEMES)("adds a framework from the user's CSV only once its file is clean (%s theme)", (theme) =>
    withDemo(theme, async ({ page }) => {
      await buildWithSampleData(page);
      const before = await readTable(page, CONTROLS_TABLE);
      const panel = await showView(page, "Coverage");
      const form = panel.getByRole("region", { name: "Add your own framework" });
      await form.getByRole("textbox", { name: "Key" }).fill("ACME-SEC");
      await form.getByRole("textbox", { name: "Short name" }).fill("ACME SEC");
      await form.locator('input[type="file"]').setInputFiles(join(FRAMEWORK_FIXTURES, "acme-sec-bad.csv"));
      await form.getByText("5 problems; nothing will be written until the file is fixed.").waitFor({ timeout: 30_000 });
      await form.getByText('Row 6, Parent: Parent "AS-7" of AS-2.1 is not an ID of this file.').waitFor();
      await expect(form.getByRole("button", { name: "Add framework from file" }).isDisabled()).resolves.toBe(true);
      expect((await readTable(page, CONTROLS_TABLE)).headers).toEqual(before.headers);
      await expectAccessible(page, `framework file problems, ${theme}`);

      await form.locator('input[type="file"]').setInputFiles(join(FRAMEWORK_FIXTURES, "acme-sec.csv"));
      await form.getByText(/^ACME SEC: 11 requirements, 7 assessable\./).waitFor({ timeout: 30_000 });
      await form.getByRole("button", { name: "Add framework from file" }).click();
      await form.getByText(/^ACME SEC \(ACME-SEC\) added\./).waitFor({ timeout: 60_000 });
      const after = await readTable(page, CONTROLS_TABLE);
      expect(after.headers).toEqual([...before.headers, "ACME SEC"]);
      expect(after.rows.map((row) => row.slice(0, before.headers.length))).toEqual(before.rows);
      await panel.getByText("ACME SEC", { exact: true }).first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: screenshotPath(`custom-framework-${theme}`), fullPage: true });
      await expectAccessible(page, `framework added, ${theme}`);
    }));

  it("imports from the worksheet the user picks in an .xlsx, finding its header row", () =>
    withDemo("light", async ({ page }) => {
      await buildWithSampleData(page);
      const before = await readTable(page, RISKS_TABLE);
      const book = new ExcelJS.Workbook();
      book.addWorksheet("Notes").addRow(["Read me first"]);
      const sheet = book.addWorksheet("Risk scenarios");
      sheet.addRow(["Risks from the 2026 workshop"]);
      sheet.addRow([]);
      sheet.addRow(["Risk Title", "Owner", "Likelihood"]);
      sheet.addRow(["Supplier fraud", "Finance", "H"]);
      const file = join(mkdtempSync(join(tmpdir(), "ismp-e2e-")), "two-sheets.xlsx");
      await book.xlsx.writeFile(file);
      const panel = await showView(page, "Import");
      await panel.locator('input[type="file"]').setInputFiles(file);
      await panel.getByRole("combobox", { name: "Worksheet" }).click();
      await page.getByRole("option", { name: "Risk scenarios" }).click();
      const status = panel.getByRole("status");
      await status.filter({ hasText: "1 row to add, 0 to update, 0 skipped, 0 with errors. Header on row 3" }).waitFor({ timeout: 30_000 });
      await panel.getByRole("button", { name: "Import 1 row" }).click();
      await panel.getByText("Added 1 row and updated 0 rows in Risks.").waitFor({ timeout: 30_000 });
      const after = await readTable(page, RISKS_TABLE);
      expect(after.rows.length).toBe(before.rows.length + 1);
      expect(String(cellValue(after, before.rows.length, RISK.title))).toBe("Supplier fraud");
    }));

  it("follows the Office theme when it changes", () =>
    withDemo("light", async ({ page }) => {
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(await background()).toBe("rgb(255, 255, 255)");
      await page.getByLabel("Office theme").selectOption("dark");
      await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === "rgb(41, 41, 41)");
      expect(await background()).toBe("rgb(41, 41, 41)");
    }));

  it("builds again after the user's edits without changing anything they typed", () =>
    withDemo("light", async ({ page }) => {
      await buildWithSampleData(page);
      const before = await readTable(page, RISKS_TABLE);
      const structureBefore = await readStructure(page);
      const userColumn = "Reviewer Notes";
      const notes = before.rows.map((_row, i) => `note ${i + 1}`);
      await addTableColumn(page, RISKS_TABLE, userColumn, notes);
      await addTableRow(page, RISKS_TABLE);
      const grown = await readTable(page, RISKS_TABLE);
      const added = grown.rows.length - 1;
      const oldLikelihood = Number(cellValue(before, 2, RISK.inherentLikelihood));
      const typed: Record<string, string | number> = {
        [cellAddressOf(grown, 0, RISK.title)]: "Laptop stolen from a parked car (edited)",
        [cellAddressOf(grown, 2, RISK.inherentLikelihood)]: oldLikelihood === 1 ? 2 : 1,
        [cellAddressOf(grown, 1, RISK.owner)]: "Dana Whitfield",
        [cellAddressOf(grown, added, RISK.id)]: "R-900",
        [cellAddressOf(grown, added, RISK.title)]: "Contractor keeps badge after leaving",
        [cellAddressOf(grown, added, RISK.inherentLikelihood)]: 3,
        [cellAddressOf(grown, added, RISK.inherentImpact)]: 2,
        [cellAddressOf(grown, added, userColumn)]: "typed in the new row",
      };
      await typeCells(page, grown.sheet, typed);

      const report = await clickBuild(page);
      expect(report).toBe("The workbook was already up to date.");
      expect(await readStructure(page)).toEqual(structureBefore);

      const after = await readTable(page, RISKS_TABLE);
      expect(after.rows.length).toBe(before.rows.length + 1);
      expect(after.headers).toEqual([...before.headers, userColumn]);
      for (const [address, value] of Object.entries(typed)) {
        const [row, header] = locate(after, address);
        expect({ address, value: cellValue(after, row, header) }).toEqual({ address, value });
      }
      notes.forEach((note, row) => expect(cellValue(after, row, userColumn)).toBe(note));
      await page.screenshot({ path: screenshotPath("setup-rebuilt-after-edits-light") });
    }));

  it("lists the problems of a broken workbook; clicking one selects its cell", () =>
    withDemo("light", async ({ page }) => {
      await buildWithSampleData(page);
      const risks = await readTable(page, RISKS_TABLE);
      const duplicated = String(cellValue(risks, 0, RISK.id));
      const duplicateCell = cellAddressOf(risks, 3, RISK.id);
      const outOfScaleCell = cellAddressOf(risks, 4, RISK.inherentLikelihood);
      await typeCells(page, risks.sheet, { [duplicateCell]: duplicated, [outOfScaleCell]: 9 });

      const panel = await showView(page, "Check");
      const problem = (address: string, message: RegExp) =>
        panel.getByRole("listitem").filter({ hasText: message }).filter({ has: page.getByRole("button", { name: new RegExp(`go to .*!${address}$`) }) });
      await expect(problem(duplicateCell, /Risk ID is used more than once/).count()).resolves.toBe(1);
      await expect(problem(outOfScaleCell, /Inherent Likelihood must be a level from the Scales sheet/).count()).resolves.toBe(1);

      await sheetTabs(page).first().click(); // look at another sheet first, so selecting must switch back
      await problem(outOfScaleCell, /Inherent Likelihood must be a level/).getByRole("button").click();
      await page.waitForFunction((name) => document.querySelector(".sheet-tab.active")?.textContent === name, RISK_REGISTER_SHEET);
      expect(await selectedAddress(page)).toBe(qualifiedAddress(RISK_REGISTER_SHEET, outOfScaleCell));
      expect(await page.locator("td.selected").count()).toBe(1);
      expect(await page.locator("td.selected").textContent()).toBe("9");
      await page.screenshot({ path: screenshotPath("check-broken-workbook-light") });
    }));

  it("filters the risk register from a clicked heatmap cell, and Clear filter shows every risk again", () =>
    withDemo("light", async ({ page }) => {
      await buildWithSampleData(page);
      const panel = await showView(page, "Heatmap");
      const busiest = panel.getByRole("group", { name: /Residual risk heatmap/ }).getByRole("button", { name: BUSY_CELL }).first();
      const likelihood = Number(await busiest.getAttribute("data-likelihood"));
      const impact = Number(await busiest.getAttribute("data-impact"));
      const count = riskCount(await busiest.getAttribute("aria-label"));

      await busiest.hover();
      const hoverText = await panel.getByTestId("heatmap-hover").textContent();
      expect(hoverText).toMatch(new RegExp(`^Likelihood ${likelihood} .*Impact ${impact} .*: ${count} risks?, \\w+`));

      await busiest.click();
      await panel.getByText(`Risk register filtered to ${count} risk`).waitFor();
      const filtered = await readTable(page, RISKS_TABLE);
      const inCell = filtered.rows.map(
        (_row, i) => Number(cellValue(filtered, i, RISK.residualLikelihood)) === likelihood && Number(cellValue(filtered, i, RISK.residualImpact)) === impact,
      );
      expect(filtered.hidden.filter((hidden) => !hidden)).toHaveLength(count);
      expect(filtered.hidden).toEqual(inCell.map((shown) => !shown));
      expect(filtered.hidden).toContain(true);
      await page.screenshot({ path: screenshotPath("heatmap-filtered-light") });

      await panel.getByRole("button", { name: "Clear filter" }).click();
      await panel.getByText("Filter cleared: all risks are shown.").waitFor();
      expect((await readTable(page, RISKS_TABLE)).hidden).not.toContain(true);
    }));

  it("moves between the section tabs with arrow keys, Home and End, and opens one with Enter (one tab in the Tab order)", () =>
    withDemo("light", async ({ page }) => {
      const tabs = pane(page).getByRole("tablist", { name: "ISMP sections" });
      const focused = () => page.evaluate(() => document.activeElement?.textContent);
      const inTabOrder = () => tabs.getByRole("tab").evaluateAll((all) => all.filter((tab) => (tab as HTMLElement).tabIndex === 0).map((tab) => tab.textContent));
      await tabs.getByRole("tab", { name: "Set up" }).focus();
      await page.keyboard.press("ArrowRight");
      expect(await focused()).toBe("Program");
      // Moving is not choosing: Set up stays open until Enter or Space.
      await expect(tabs.getByRole("tab", { name: "Set up" }).getAttribute("aria-selected")).resolves.toBe("true");
      await page.keyboard.press("End");
      expect(await focused()).toBe("Import");
      await page.keyboard.press("ArrowRight");
      expect(await focused()).toBe("Set up");
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("Enter");
      await expect(tabs.getByRole("tab", { name: "Import" }).getAttribute("aria-selected")).resolves.toBe("true");
      await page.getByRole("tabpanel", { name: "Import" }).getByRole("button", { name: /Choose a CSV or Excel file/ }).waitFor();
      expect(await inTabOrder()).toEqual(["Import"]);
      await page.keyboard.press("Home");
      await page.keyboard.press(" ");
      await page.getByRole("tabpanel", { name: "Set up" }).getByRole("button", { name: "Build" }).waitFor();
      expect(await inTabOrder()).toEqual(["Set up"]);
    }));

  it("moves through the heatmap with arrow keys and filters with Enter", () =>
    withDemo("light", async ({ page }) => {
      await buildWithSampleData(page);
      const panel = await showView(page, "Heatmap");
      const grid = panel.getByRole("group", { name: /Residual risk heatmap/ });
      await grid.getByRole("button", { name: /: Likelihood 5 .*, Impact 1 / }).focus();
      await page.keyboard.press("ArrowDown");
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
      expect(focused).toMatch(/^\d+ \w+ risks?: Likelihood 4 .*, Impact 1 /);

      const busiest = grid.getByRole("button", { name: BUSY_CELL }).first();
      const count = riskCount(await busiest.getAttribute("aria-label"));
      await busiest.focus();
      await page.keyboard.press("Enter");
      await panel.getByText(`Risk register filtered to ${count} risk`).waitFor();
    }));

  it("records and blocks a request that leaves localhost (the guard the last test relies on)", async () => {
    const probe = createRequestGuard();
    const demo = await openDemo(session, probe, "light");
    try {
      const outcome = await demo.page.evaluate(() => fetch("https://example.com/ping").then(() => "sent", () => "blocked"));
      expect(outcome).toBe("blocked");
      expect(probe.blocked).toEqual(["https://example.com/ping"]);
    } finally {
      await demo.close();
    }
  });

  it("the add-in made no request outside localhost in this whole run", () => {
    expect(guard.blocked).toEqual([]);
  });
});

/** [body row, header] of an A1 address inside the table. */
function locate(table: TableSnapshot, address: string): [number, string] {
  for (let row = 0; row < table.rows.length; row++) {
    for (const header of table.headers) if (cellAddressOf(table, row, header) === address) return [row, header];
  }
  throw new Error(`${address} is not in table body`);
}
