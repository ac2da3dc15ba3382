/**
 * Browser test of the demo page in Debian Chromium: the real task pane against the headless
 * workbook. Builds dist-demo once, serves it on 127.0.0.1, clicks through every view, builds a
 * workbook and saves light and dark screenshots to artifacts/screenshots/.
 * Builds in development mode (fast, and React reports misuse as console errors, which fail the test).
 * Set ISMP_DEMO_PREBUILT=1 to reuse an existing dist-demo/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveDirectory, type StaticServer } from "./staticServer";

const ROOT = resolve(__dirname, "../..");
const SCREENSHOTS = join(ROOT, "artifacts", "screenshots");
const VIEWS = ["Set up", "Risks", "Coverage", "Heatmap", "Check"] as const;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!process.env.ISMP_DEMO_PREBUILT) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--config", "webpack.demo.config.js", "--mode", "development"], { cwd: ROOT, stdio: "pipe" });
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveDirectory(join(ROOT, "dist-demo"));
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface PageWatch {
  consoleErrors: string[];
  offsiteRequests: string[];
}

async function openDemo(theme: "light" | "dark"): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watch: PageWatch = { consoleErrors: [], offsiteRequests: [] };
  page.on("console", (message) => message.type() === "error" && watch.consoleErrors.push(message.text()));
  page.on("pageerror", (error) => watch.consoleErrors.push(error.message));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && !["blob:", "data:"].includes(url.protocol)) watch.offsiteRequests.push(request.url());
  });
  await page.goto(`${server.url}?theme=${theme}`);
  await page.getByRole("tab", { name: "Set up" }).waitFor();
  return { page, watch };
}

const pane = (page: Page) => page.getByRole("main", { name: "Task pane" });
const sheetTabs = (page: Page) => page.getByRole("tablist", { name: "Sheets" }).getByRole("tab");

async function openView(page: Page, name: (typeof VIEWS)[number]) {
  await pane(page).getByRole("tab", { name }).click();
  await page.getByRole("tabpanel", { name }).waitFor();
}

async function buildWorkbook(page: Page) {
  await openView(page, "Set up");
  await pane(page).getByText("Add sample data").click();
  expect(await pane(page).getByRole("checkbox", { name: "Add sample data" }).isChecked()).toBe(true);
  await pane(page).getByRole("button", { name: "Build" }).click();
  const outcome = pane(page).getByText(/^Done:|already up to date|Excel error code/).first();
  await outcome.waitFor({ timeout: 30_000 });
  const text = (await outcome.textContent()) ?? "";
  if (text.includes("Excel error code")) throw new Error(`Build failed in the pane: ${await outcome.locator("xpath=..").textContent()}`);
}

describe("demo page", () => {
  it("shows the task pane beside the workbook, with no errors and no request leaving localhost", async () => {
    const { page, watch } = await openDemo("light");
    expect(await sheetTabs(page).allTextContents()).toEqual(["Sheet1"]);
    for (const view of VIEWS) {
      await openView(page, view);
      await page.screenshot({ path: join(SCREENSHOTS, `empty-${view.replace(/\s/g, "").toLowerCase()}-light.png`) });
    }
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.offsiteRequests).toEqual([]);
    await page.close();
  });

  it.each(["light", "dark"] as const)("builds the workbook from Set up and walks every view (%s theme)", async (theme) => {
    const { page, watch } = await openDemo(theme);
    await buildWorkbook(page);
    expect(await sheetTabs(page).count()).toBeGreaterThan(3);
    expect(await sheetTabs(page).allTextContents()).toContain("Risk Register");
    await page.screenshot({ path: join(SCREENSHOTS, `setup-built-${theme}.png`) });

    for (const view of VIEWS.slice(1)) {
      await openView(page, view);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENSHOTS, `${view.replace(/\s/g, "").toLowerCase()}-${theme}.png`) });
    }
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.offsiteRequests).toEqual([]);
    await page.close();
  });

  it("follows the Office theme when it changes", async () => {
    const { page } = await openDemo("light");
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe("rgb(255, 255, 255)");
    await page.getByLabel("Office theme").selectOption("dark");
    await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === "rgb(41, 41, 41)");
    expect(await background()).toBe("rgb(41, 41, 41)");
    await page.close();
  });

  it("lists Check problems as links that select their cell", async () => {
    const { page } = await openDemo("light");
    await buildWorkbook(page);
    await openView(page, "Check");
    const panel = page.getByRole("tabpanel", { name: "Check" });
    await panel.getByText(/No problems found|Errors \(|Warnings \(/).first().waitFor({ timeout: 30_000 });
    // The sample data carries deliberate anomalies, so Check always has something to show.
    const links = panel.getByRole("button", { name: /go to/ });
    expect(await links.count()).toBeGreaterThan(0);
    const first = links.first();
    const [, sheet, row] = (await first.getAttribute("aria-label"))!.match(/go to '?(.+?)'?![A-Z]+(\d+)$/)!;
    await sheetTabs(page).first().click(); // look at another sheet first, so selecting must switch back
    await first.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((name) => document.querySelector(".sheet-tab.active")?.textContent === name, sheet);
    expect(await page.locator(".sheet-tab.active").textContent()).toBe(sheet);
    const selectedCell = page.locator("td.selected");
    await selectedCell.first().waitFor();
    expect(await selectedCell.first().locator("xpath=../th").textContent()).toBe(row);
    await page.screenshot({ path: join(SCREENSHOTS, "check-light.png") });
    await page.close();
  });

  it("filters the risk register from a heatmap cell, by keyboard, and clears the filter", async () => {
    const { page, watch } = await openDemo("light");
    await buildWorkbook(page);
    await openView(page, "Heatmap");
    const grid = page.getByRole("group", { name: /Residual risk heatmap/ });
    const topLeft = grid.getByRole("button", { name: /^Likelihood 5 .*, Impact 1 / });
    await topLeft.focus();
    await page.keyboard.press("ArrowDown");
    const focusedName = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    expect(focusedName).toMatch(/^Likelihood 4 .*, Impact 1 .*: \d+ risks?, \w+/);

    const busiest = grid.getByRole("button", { name: /: [1-9]\d* risks?,/ }).first();
    const count = (await busiest.getAttribute("aria-label"))!.match(/: (\d+) risks?/)![1];
    await busiest.focus();
    await page.keyboard.press("Enter");
    const panel = page.getByRole("tabpanel", { name: "Heatmap" });
    await panel.getByText(`Risk register filtered to ${count} risk`).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "heatmap-filtered-light.png") });

    await panel.getByRole("button", { name: "Clear filter" }).click();
    await panel.getByText("Filter cleared: all risks are shown.").waitFor();
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
