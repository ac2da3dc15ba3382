/**
 * The task pane: theme, navigation, the shared error bar and progress, and the views. The first
 * render draws only the tab strip and Set up, from native controls (controls/), and runs no Fluent
 * UI: every other view is its own chunk, and Fluent (fluentScope.tsx), the notices and the Build
 * report load after the first paint, when needed or once the page is idle (issue #10: first render
 * within 500 ms).
 */
import * as React from "react";
import { applyThemeVariables, CONTROLS_ROOT } from "./controls/styles";
import { TabStrip } from "./controls/TabStrip";
import { BlockedNotice } from "./controls/fields";
import { createWorkbookHost, isExcelApiSupported, MIN_EXCEL_API, type WorkbookHost } from "./excelHost";
import { loadOverlays } from "./deferredOverlays";
import { lazyNamed } from "./lazyNamed";
import { useOfficeReady } from "./officeReady";
import { PaneContext } from "./paneContext";
import { paneColors } from "./theme";
import { useOfficeTheme } from "./useOfficeTheme";
import { useOperationRunner } from "./useOperationRunner";
import { useRibbonCheck } from "./useRibbonCheck";
import { SetupView } from "./views/SetupView";
import { Fluent, loadFluent, OfficeThemeContext } from "./withFluent";

const loadProgram = () => import(/* webpackChunkName: "view-program" */ "./views/ProgramView");
const loadRisks = () => import(/* webpackChunkName: "view-risks" */ "./views/RisksView");
const loadCoverage = () => import(/* webpackChunkName: "view-coverage" */ "./views/CoverageView");
const loadHeatmap = () => import(/* webpackChunkName: "view-heatmap" */ "./views/HeatmapView");
const loadCheck = () => import(/* webpackChunkName: "view-check" */ "./views/CheckView");
const loadRecordForm = () => import(/* webpackChunkName: "view-record" */ "./views/RecordFormView");
const loadImport = () => import(/* webpackChunkName: "view-import" */ "./views/ImportView");
const loadNotices = () => import(/* webpackChunkName: "notices" */ "./notices");

const ProgramView = lazyNamed(() => loadProgram().then((m) => m.ProgramView));
const RisksView = lazyNamed(() => loadRisks().then((m) => m.RisksView));
const CoverageView = lazyNamed(() => loadCoverage().then((m) => m.CoverageView));
const HeatmapView = lazyNamed(() => loadHeatmap().then((m) => m.HeatmapView));
const CheckView = lazyNamed(() => loadCheck().then((m) => m.CheckView));
const RecordFormView = lazyNamed(() => loadRecordForm().then((m) => m.RecordFormView));
const ImportView = lazyNamed(() => loadImport().then((m) => m.ImportView));
const ErrorNotice = lazyNamed(() => loadNotices().then((m) => m.ErrorNotice));
const ProgressNotice = lazyNamed(() => loadNotices().then((m) => m.ProgressNotice));

/**
 * Fetched once the first view is on screen and the page is idle, so opening a tab, a list or a menu
 * rarely waits: Fluent and the notices, the views, then Fluent's menus, callouts and panels (see
 * deferredOverlays.tsx).
 */
const LATER_CHUNKS = [loadFluent, loadNotices, loadProgram, loadRisks, loadCoverage, loadHeatmap, loadCheck, loadRecordForm, loadImport, loadOverlays];

function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 200);
  return () => clearTimeout(id);
}

export const TABS = [
  { key: "setup", title: "Set up", heading: "Set up" },
  { key: "program", title: "Program", heading: "Program" },
  { key: "risks", title: "Risks", heading: "Risks" },
  { key: "coverage", title: "Coverage", heading: "Controls & coverage" },
  { key: "heatmap", title: "Heatmap", heading: "Heatmap" },
  { key: "check", title: "Check", heading: "Check" },
  { key: "record", title: "Record", heading: "Add or edit a record" },
  { key: "import", title: "Import", heading: "Import and export" },
] as const;
export type TabKey = (typeof TABS)[number]["key"];

const tabId = (key: string) => `ismp-tab-${key}`;
const panelId = (key: string) => `ismp-panel-${key}`;

export interface AppProps {
  /** Defaults to the global Excel and Office objects. */
  host?: WorkbookHost;
  /** Defaults to the host's ExcelApi requirement set, read once Office.onReady has resolved. */
  supported?: boolean;
}

export function App({ host: givenHost, supported: givenSupported }: AppProps) {
  const officeReady = useOfficeReady();
  // Office's requirement sets can be read only once Office.onReady has resolved; until then no notice.
  const supported = givenSupported ?? (!officeReady || isExcelApiSupported(Office.context?.requirements));
  const officeTheme = useOfficeTheme(officeReady);
  // Before the browser paints, so the first frame already has the theme's colours.
  React.useLayoutEffect(() => applyThemeVariables(paneColors(officeTheme)), [officeTheme]);
  const runner = useOperationRunner();
  const host = React.useMemo(() => givenHost ?? createWorkbookHost(), [givenHost]);
  const services = React.useMemo(() => ({ host, runner }), [host, runner]);
  const [tab, setTab] = React.useState<TabKey>("setup");
  const [checkToken, setCheckToken] = React.useState(0);
  /** Views mount when first opened and then stay mounted, so a hidden view keeps what the analyst typed. */
  const [opened, setOpened] = React.useState<ReadonlySet<TabKey>>(() => new Set<TabKey>([tab]));
  React.useEffect(() => whenIdle(() => LATER_CHUNKS.forEach((load) => void load().catch(() => undefined))), []);
  React.useEffect(() => setOpened((current) => (current.has(tab) ? current : new Set([...current, tab]))), [tab]);

  const ribbonCheck = useRibbonCheck();

  const openTab = (key: TabKey) => {
    setTab(key);
    if (key === "check") setCheckToken((n) => n + 1);
  };

  // "Check Workbook" on the ribbon already ran the check: show its findings, don't run it again.
  React.useEffect(() => {
    if (ribbonCheck) setTab("check");
  }, [ribbonCheck]);

  const views: Record<TabKey, React.ReactNode> = {
    setup: <SetupView />,
    program: <ProgramView active={tab === "program"} />,
    risks: <RisksView active={tab === "risks"} onCheckRisks={() => openTab("check")} />,
    coverage: <CoverageView active={tab === "coverage"} />,
    heatmap: <HeatmapView active={tab === "heatmap"} />,
    check: <CheckView runToken={checkToken} delivered={ribbonCheck} />,
    record: <RecordFormView active={tab === "record"} />,
    import: <ImportView />,
  };

  return (
    <OfficeThemeContext.Provider value={officeTheme}>
      <PaneContext.Provider value={services}>
        <div className={`${CONTROLS_ROOT} ismp-stack`} style={{ gap: 8, padding: "8px 10px 16px", maxWidth: 640 }}>
          {!supported && (
            <BlockedNotice>
              This add-in runs in Microsoft 365 (Windows version 2002 or later, Mac 16.35 or later), Excel 2021 or later, and Excel on
              the web: it needs a shared runtime and Excel JavaScript API {MIN_EXCEL_API}. Building and checking won&apos;t work in this
              version of Excel, but the workbooks it builds still open and calculate here, in Excel 2019 and in LibreOffice 7.4.
            </BlockedNotice>
          )}
          <TabStrip label="ISMP sections" tabs={TABS} selected={tab} onSelect={openTab} tabId={tabId} panelId={panelId} />
          {runner.error && (
            <Fluent fallback={<p role="alert">{runner.error.cause}</p>}>
              <ErrorNotice error={runner.error} onDismiss={runner.dismissError} />
            </Fluent>
          )}
          {runner.progressLabel && (
            <Fluent fallback={<p role="status">{runner.progressLabel}</p>}>
              <ProgressNotice label={runner.progressLabel} />
            </Fluent>
          )}
          {TABS.map(({ key, heading }) => (
            <div key={key} id={panelId(key)} role="tabpanel" aria-labelledby={tabId(key)} hidden={tab !== key}>
              <h2 className="ismp-heading">{heading}</h2>
              {key === "setup" ? (
                views[key]
              ) : (
                (tab === key || opened.has(key)) && <Fluent fallback={<p role="status">Loading {heading}…</p>}>{views[key]}</Fluent>
              )}
            </div>
          ))}
        </div>
      </PaneContext.Provider>
    </OfficeThemeContext.Provider>
  );
}
