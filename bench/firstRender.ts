/**
 * Figure 8: time to first render of the task pane in headless Chromium, from navigation start until
 * the first view is usable: the section tabs and the Set up view's Build button, rendered once
 * Office.onReady resolves, are laid out. Target: 500 ms, Microsoft's published first-render figure
 * for add-ins (issue #10).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { below, measured, skipped, type Measurement } from "./measurement";
import { serveDirectory } from "./staticServer";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
const FIRST_TAB = '#container [role="tablist"] [role="tab"]';
/** The first view's action: the pane is usable, not only its navigation. */
const FIRST_VIEW_ACTION = '#ismp-panel-setup button';
const TARGET_MS = 500;
const LOADS = 3;
const NAME = "Task pane first render (headless Chromium, cold cache)";

/**
 * Runs in the page before its scripts: marks `ismp-first-render` the moment the first tab is laid
 * out, so the figure does not include Playwright's polling. A string, not a function: tsx's
 * transpiled functions call helpers (`__name`) that do not exist in the page.
 */
const markFirstRender = `
  const observer = new MutationObserver(() => {
    const tab = document.querySelector(${JSON.stringify(FIRST_TAB)});
    const action = [...document.querySelectorAll(${JSON.stringify(FIRST_VIEW_ACTION)})].find((b) => /Build/.test(b.textContent || ""));
    if (tab === null || tab.getBoundingClientRect().width === 0 || !action || action.getBoundingClientRect().width === 0) return;
    performance.mark("ismp-first-render");
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
`;

const RENDERED = `performance.getEntriesByName("ismp-first-render").length > 0`;
const RENDER_TIME = `performance.getEntriesByName("ismp-first-render")[0].startTime`;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureFirstRender(dir: string): Promise<Measurement[]> {
  if (!existsSync(CHROMIUM)) return [skipped(NAME, "ms", `${CHROMIUM} is missing`, below(TARGET_MS))];
  if (!existsSync(join(dir, "office.js"))) return [skipped(NAME, "ms", `${dir} has no local office.js (build with --env officeJs=local)`, below(TARGET_MS))];
  const server = await serveDirectory(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      const context = await browser.newContext();
      // office.js outside Office opens a telemetry iframe on the internet; offline it would only stall.
      await context.route("**/*", (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
      const page = await context.newPage();
      await page.addInitScript(markFirstRender);
      await page.goto(`${server.origin}/taskpane.html`);
      await page.waitForFunction(RENDERED, undefined, { timeout: 30_000 });
      times.push(await page.evaluate<number>(RENDER_TIME));
      await context.close();
    }
    return [measured(`${NAME}, first view (tabs and Set up's Build button): median of ${LOADS} loads`, Math.round(median(times)), "ms", below(TARGET_MS))];
  } finally {
    await browser.close();
    await server.close();
  }
}
