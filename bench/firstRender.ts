/**
 * Figure 8: time to first render of the task pane in headless Chromium, from navigation start until
 * the first view is usable and on screen: the section tabs and the Set up view's Build button are
 * laid out, and the frame that shows them has been painted (the task after the next animation
 * frame). The pane renders without waiting for Office.onReady (its workbook operations do wait).
 * Target: 500 ms, Microsoft's published first-render figure for add-ins (issue #10).
 *
 * Wall time grows with whatever else the machine runs, so the figure also gives the page's own
 * main-thread work up to that paint, from a Chromium trace, split into what runs before it: each
 * script's evaluation, style and layout, and the rest (the first render: React and its
 * styles). With a baseline bundle (`--baseline main`) the loads alternate between the two bundles in
 * the same browser, so both see the same load, and the ratio is the figure to read.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";
import { below, measured, skipped, type Measurement } from "./measurement";
import { serveDirectory, type RunningServer } from "./staticServer";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
const FIRST_TAB = '#container [role="tablist"] [role="tab"]';
/** The first view's action: the pane is usable, not only its navigation. */
const FIRST_VIEW_ACTION = '#ismp-panel-setup button';
const TARGET_MS = 500;
/** Odd, for a plain median; enough loads that one stalled by another process does not decide it. */
const LOADS = 9;
/** Traced loads (tracing slows the page a little, so these are not among the timed ones). */
const TRACED_LOADS = 5;
const NAME = "Task pane first render (headless Chromium, cold cache)";
const PAINT_MARK = "ismp-first-paint";

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
    // rAF runs just before the frame is painted; a task posted from it runs once that frame is out.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.mark(${JSON.stringify(PAINT_MARK)});
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
`;

const PAINTED = `performance.getEntriesByName(${JSON.stringify(PAINT_MARK)}).length > 0`;
const PAINT_TIME = `performance.getEntriesByName(${JSON.stringify(PAINT_MARK)})[0].startTime`;
/** Scripts the page fetched before the first paint, by file name. */
const SCRIPTS_BEFORE_PAINT = `performance.getEntriesByType("resource")
  .filter((entry) => entry.initiatorType === "script" && entry.startTime < ${PAINT_TIME})
  .map((entry) => new URL(entry.name).pathname.split("/").pop())`;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface PaneBundle {
  dir: string;
  /** How the report names it, e.g. "baseline 38753a3 (main)". */
  label: string;
}

interface Load {
  paintMs: number;
  scripts: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** CPU time of the event's thread: another process's load inflates it far less than dur. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/** Main-thread work from navigation start to the paint mark, in ms. */
export interface MainThreadWork {
  total: number;
  /** The same tasks' CPU time. */
  cpu: number;
  /** EvaluateScript per script file (office.js, taskpane.js, functions.js, ...). */
  scripts: Map<string, number>;
  styleAndLayout: number;
  /** Everything else: callbacks, the first render (React, style rules), timers, GC between tasks. */
  rest: number;
}

const STYLE_AND_LAYOUT = new Set(["UpdateLayoutTree", "Layout", "Paint", "PrePaint", "Layerize", "Commit"]);
const TASKS = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);

/** Sums a trace's main-thread events between navigation start and the paint mark. */
export function mainThreadWork(events: TraceEvent[]): MainThreadWork {
  const paint = events.find((event) => event.name === PAINT_MARK);
  if (!paint) throw new Error(`the trace has no ${PAINT_MARK} mark`);
  const start = events.find((event) => event.name === "navigationStart" && event.pid === paint.pid)?.ts ?? Math.min(...events.map((event) => event.ts));
  const within = events.filter((event) => event.pid === paint.pid && event.tid === paint.tid && event.ph === "X" && event.ts >= start && event.ts < paint.ts);
  const ms = (event: TraceEvent) => (Math.min(event.ts + (event.dur ?? 0), paint.ts) - event.ts) / 1000;
  const tasks = within.filter((event) => TASKS.has(event.name));
  const total = tasks.reduce((sum, event) => sum + ms(event), 0);
  const cpu = tasks.reduce((sum, event) => sum + (event.tdur ?? 0) / 1000, 0);
  const scripts = new Map<string, number>();
  for (const event of within.filter((e) => e.name === "EvaluateScript")) {
    const file = basename(event.args?.data?.url ?? "") || "(inline)";
    scripts.set(file, (scripts.get(file) ?? 0) + ms(event));
  }
  const styleAndLayout = within.filter((event) => STYLE_AND_LAYOUT.has(event.name)).reduce((sum, event) => sum + ms(event), 0);
  const scriptTotal = [...scripts.values()].reduce((sum, value) => sum + value, 0);
  return { total, cpu, scripts, styleAndLayout, rest: Math.max(0, total - scriptTotal - styleAndLayout) };
}

/** What a load records: `before` runs once the page exists and before it navigates, `after` once the first view is painted. */
interface Probe<T> {
  before?(devtools: CDPSession): Promise<void>;
  after(page: Page, devtools: CDPSession): Promise<T>;
}

/** Opens the pane in a fresh browser context (a cold cache) and waits for the first view's paint. */
async function loadPane<T>(browser: Browser, server: RunningServer, probe: Probe<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    // office.js outside Office opens a telemetry iframe on the internet; offline it would only stall.
    await context.route("**/*", (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
    const page = await context.newPage();
    const devtools = await context.newCDPSession(page);
    await page.addInitScript(markFirstRender);
    await probe.before?.(devtools);
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForFunction(PAINTED, undefined, { polling: "raf", timeout: 30_000 });
    return await probe.after(page, devtools);
  } finally {
    await context.close();
  }
}

const TIMED: Probe<Load> = {
  after: async (page) => ({ paintMs: await page.evaluate<number>(PAINT_TIME), scripts: await page.evaluate<string[]>(SCRIPTS_BEFORE_PAINT) }),
};

function traced(): Probe<MainThreadWork> {
  const events: TraceEvent[] = [];
  let complete: Promise<unknown> = Promise.resolve();
  return {
    before: async (devtools) => {
      devtools.on("Tracing.dataCollected", (data) => events.push(...(data.value as unknown as TraceEvent[])));
      complete = new Promise((resolveComplete) => devtools.once("Tracing.tracingComplete", resolveComplete));
      await devtools.send("Tracing.start", { traceConfig: { includedCategories: ["toplevel", "devtools.timeline", "blink.user_timing"] }, transferMode: "ReportEvents" });
    },
    after: async (_page, devtools) => {
      await devtools.send("Tracing.end");
      await complete;
      return mainThreadWork(events);
    },
  };
}

interface Figures {
  loads: Load[];
  work: MainThreadWork[];
}

const gzipBytes = (path: string) => (existsSync(path) ? gzipSync(readFileSync(path), { level: 9 }).length : 0);

function medianWork(work: MainThreadWork[]) {
  const files = [...new Set(work.flatMap((w) => [...w.scripts.keys()]))];
  return {
    total: median(work.map((w) => w.total)),
    cpu: median(work.map((w) => w.cpu)),
    scripts: files.map((file) => ({ file, ms: median(work.map((w) => w.scripts.get(file) ?? 0)) })).sort((a, b) => b.ms - a.ms),
    styleAndLayout: median(work.map((w) => w.styleAndLayout)),
    rest: median(work.map((w) => w.rest)),
  };
}

function describe(figures: Figures, bundle: PaneBundle, withTarget: boolean): Measurement[] {
  const times = figures.loads.map((load) => load.paintMs);
  const loads = `median of ${times.length} loads (fastest ${Math.round(Math.min(...times))} ms)`;
  const work = medianWork(figures.work);
  const scripts = [...new Set(figures.loads.flatMap((load) => load.scripts))];
  const scriptBytes = scripts.reduce((sum, file) => sum + gzipBytes(join(bundle.dir, file)), 0);
  const of = withTarget ? "" : ` [${bundle.label}]`;
  return [
    withTarget
      ? measured(`${NAME}, first view (tabs and Set up's Build button) painted: ${loads}`, Math.round(median(times)), "ms", below(TARGET_MS))
      : measured(`${bundle.label}, same run, loads alternating with the above: painted, ${loads}`, Math.round(median(times)), "ms"),
    measured(`  main-thread work until that paint (Chromium trace, median of ${figures.work.length} loads)${of}`, Math.round(work.total), "ms"),
    measured(`    of which the main thread's CPU time${of}`, Math.round(work.cpu), "ms"),
    ...work.scripts.map(({ file, ms }) => measured(`    evaluating ${file}${of}`, Math.round(ms), "ms")),
    measured(`    style, layout and paint${of}`, Math.round(work.styleAndLayout), "ms"),
    measured(`    the rest: the first render (React, styles), callbacks${of}`, Math.round(work.rest), "ms"),
    measured(`  scripts fetched before that paint, gzipped: ${scripts.join(", ")}${of}`, scriptBytes, "bytes"),
  ];
}

export async function measureFirstRender(dir: string, baseline?: PaneBundle): Promise<Measurement[]> {
  if (!existsSync(CHROMIUM)) return [skipped(NAME, "ms", `${CHROMIUM} is missing`, below(TARGET_MS))];
  const bundles: PaneBundle[] = [{ dir, label: "this tree" }, ...(baseline ? [baseline] : [])];
  for (const bundle of bundles) {
    if (!existsSync(join(bundle.dir, "office.js"))) return [skipped(NAME, "ms", `${bundle.dir} has no local office.js (build with --env officeJs=local)`, below(TARGET_MS))];
  }
  const servers = await Promise.all(bundles.map((bundle) => serveDirectory(bundle.dir)));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const figures: Figures[] = bundles.map(() => ({ loads: [], work: [] }));
    // A B, B A, A B, ...: neither bundle always goes first after the other.
    const order = (round: number) => (round % 2 === 0 ? bundles.map((_, i) => i) : bundles.map((_, i) => bundles.length - 1 - i));
    for (let round = 0; round < LOADS; round++) {
      for (const i of order(round)) figures[i].loads.push(await loadPane(browser, servers[i], TIMED));
    }
    for (let round = 0; round < TRACED_LOADS; round++) {
      for (const i of order(round)) figures[i].work.push(await loadPane(browser, servers[i], traced()));
    }
    const results = [...describe(figures[0], bundles[0], true)];
    if (baseline) {
      results.push(...describe(figures[1], baseline, false));
      const percent = (a: number[], b: number[]) => Math.round((100 * median(a)) / median(b));
      results.push(measured(`  this tree's painted median as a share of the ${baseline.label}'s`, percent(figures[0].loads.map((l) => l.paintMs), figures[1].loads.map((l) => l.paintMs)), "%"));
      results.push(measured(`  this tree's main-thread work as a share of the ${baseline.label}'s`, percent(figures[0].work.map((w) => w.total), figures[1].work.map((w) => w.total)), "%"));
      results.push(measured(`  this tree's main-thread CPU time as a share of the ${baseline.label}'s`, percent(figures[0].work.map((w) => w.cpu), figures[1].work.map((w) => w.cpu)), "%"));
    }
    return results;
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
  }
}
