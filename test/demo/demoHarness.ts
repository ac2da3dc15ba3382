/**
 * The browser side of the demo suite: builds dist-demo, serves it on 127.0.0.1, opens pages in
 * Debian Chromium with every non-local request blocked and recorded, and drives the task pane the
 * way a user does (tabs, buttons, mouse).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { CHROMIUM_PATH } from "../support/systemDeps";
import { serveDirectory, type StaticServer } from "./staticServer";

const ROOT = resolve(__dirname, "../..");
const DEMO_DIST = join(ROOT, "dist-demo");
export const SCREENSHOTS = join(ROOT, "artifacts", "screenshots");

export const VIEWS = ["Set up", "Program", "Risks", "Coverage", "Heatmap", "Check", "Record", "Import"] as const;
export type ViewName = (typeof VIEWS)[number];
export type Theme = "light" | "dark";
export const THEMES: readonly Theme[] = ["light", "dark"];

/** "Set up" → "setup": the view part of screenshot file names. */
export const viewSlug = (view: ViewName) => view.replace(/\s/g, "").toLowerCase();
export const screenshotPath = (name: string) => join(SCREENSHOTS, `${name}.png`);

/**
 * Development mode: fast, and React reports misuse as console errors, which fail the tests.
 * ISMP_DEMO_PREBUILT=1 reuses an existing dist-demo/.
 */
export function buildDemo(): void {
  if (process.env.ISMP_DEMO_PREBUILT) return;
  try {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--config", "webpack.demo.config.js", "--mode", "development"], {
      cwd: ROOT,
      stdio: "pipe",
    });
  } catch (error) {
    // webpack reports compile errors on stdout, which execFileSync leaves out of its message.
    const output = String((error as { stdout?: Buffer }).stdout ?? "");
    throw new Error(`The demo build (webpack.demo.config.js) failed:\n${output.slice(-4000)}`);
  }
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);

export function isLocalUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || LOCAL_HOSTS.has(hostname);
}

/** Aborts every request that would leave this machine and remembers its URL. */
export interface RequestGuard {
  readonly blocked: string[];
  install(context: BrowserContext): Promise<void>;
}

export function createRequestGuard(): RequestGuard {
  const blocked: string[] = [];
  return {
    blocked,
    install: async (context) => {
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (isLocalUrl(url)) return route.continue();
        blocked.push(url);
        return route.abort("blockedbyclient");
      });
    },
  };
}

export interface DemoSession {
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startDemo(): Promise<DemoSession> {
  buildDemo();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serveDirectory(DEMO_DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface DemoPage {
  page: Page;
  /** Console errors and uncaught exceptions on the page. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * A fresh demo page in its own browser context. The demo's Content-Security-Policy is bypassed so
 * that an off-site request the add-in attempts reaches the guard (and is recorded) instead of being
 * silently refused by the browser.
 */
export async function openDemo(session: DemoSession, guard: RequestGuard, theme: Theme): Promise<DemoPage> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await guard.install(context);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.goto(`${session.server.url}?theme=${theme}`);
  await pane(page).getByRole("tab", { name: "Set up" }).waitFor();
  return { page, consoleErrors, close: () => context.close() };
}

export const pane = (page: Page): Locator => page.getByRole("main", { name: "Task pane" });
export const sheetTabs = (page: Page): Locator => page.getByRole("tablist", { name: "Sheets" }).getByRole("tab");
export const viewPanel = (page: Page, view: ViewName): Locator => page.getByRole("tabpanel", { name: view });

export async function openView(page: Page, view: ViewName): Promise<Locator> {
  // Every tab is in the strip: a narrow pane wraps it onto a second row.
  await pane(page).getByRole("tab", { name: view }).click();
  const panel = viewPanel(page, view);
  await panel.waitFor();
  return panel;
}

/** Ticks "Add sample data" the first time; later Builds keep whatever Set up shows. */
export async function chooseSampleData(page: Page): Promise<void> {
  await openView(page, "Set up");
  const checkbox = pane(page).getByRole("checkbox", { name: "Add sample data" });
  if (!(await checkbox.isChecked())) await pane(page).getByText("Add sample data").click();
  expect(await checkbox.isChecked()).toBe(true);
}

/** Clicks Build and returns the report's text (headline and lines). Throws when the pane shows an Excel error. */
export async function clickBuild(page: Page): Promise<string> {
  const panel = await openView(page, "Set up");
  await panel.getByRole("button", { name: "Build" }).click();
  const outcome = panel.getByText(/^Done:|already up to date/).or(pane(page).getByText(/Excel error code/)).first();
  await outcome.waitFor({ timeout: 30_000 });
  const report = (await outcome.locator("xpath=..").textContent()) ?? "";
  if (report.includes("Excel error code")) throw new Error(`Build failed in the pane: ${report}`);
  return report;
}

export async function buildWithSampleData(page: Page): Promise<string> {
  await chooseSampleData(page);
  return clickBuild(page);
}
