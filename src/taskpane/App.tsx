/**
 * The task pane: theme, navigation, the shared error bar and progress, and the views. Only Set up,
 * the first view, is in the entry bundle; every other view is its own chunk, loaded when its tab is
 * first opened or, sooner, once the page is idle after the first paint. The first render waits for
 * none of them (issue #10: first render within 500 ms).
 */
import * as React from "react";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Pivot, PivotItem } from "@fluentui/react/lib/Pivot";
import { ProgressIndicator } from "@fluentui/react/lib/ProgressIndicator";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { ThemeProvider } from "@fluentui/react/lib/Theme";
import { createWorkbookHost, isExcelApiSupported, MIN_EXCEL_API, type WorkbookHost } from "./excelHost";
import { loadOverlays } from "./deferredOverlays";
import { PaneContext } from "./paneContext";
import { useOfficeTheme } from "./useOfficeTheme";
import { useOperationRunner } from "./useOperationRunner";
import { useRibbonCheck } from "./useRibbonCheck";
import { SetupView } from "./views/SetupView";

/** A view from its own chunk: React.lazy wants a default export, the views export by name. */
function lazyView<P extends object>(load: () => Promise<React.ComponentType<P>>): React.LazyExoticComponent<React.ComponentType<P>> {
  return React.lazy(() => load().then((component) => ({ default: component })));
}

const loadProgram = () => import(/* webpackChunkName: "view-program" */ "./views/ProgramView");
const loadRisks = () => import(/* webpackChunkName: "view-risks" */ "./views/RisksView");
const loadCoverage = () => import(/* webpackChunkName: "view-coverage" */ "./views/CoverageView");
const loadHeatmap = () => import(/* webpackChunkName: "view-heatmap" */ "./views/HeatmapView");
const loadCheck = () => import(/* webpackChunkName: "view-check" */ "./views/CheckView");
const loadRecordForm = () => import(/* webpackChunkName: "view-record" */ "./views/RecordFormView");
const loadImport = () => import(/* webpackChunkName: "view-import" */ "./views/ImportView");

const ProgramView = lazyView(() => loadProgram().then((m) => m.ProgramView));
const RisksView = lazyView(() => loadRisks().then((m) => m.RisksView));
const CoverageView = lazyView(() => loadCoverage().then((m) => m.CoverageView));
const HeatmapView = lazyView(() => loadHeatmap().then((m) => m.HeatmapView));
const CheckView = lazyView(() => loadCheck().then((m) => m.CheckView));
const RecordFormView = lazyView(() => loadRecordForm().then((m) => m.RecordFormView));
const ImportView = lazyView(() => loadImport().then((m) => m.ImportView));

/**
 * Fetched once the first view is on screen and the page is idle, so opening a tab, a list or a menu
 * rarely waits: the views, then Fluent's menus, callouts and panels (see deferredOverlays.tsx).
 */
const LATER_CHUNKS = [loadProgram, loadRisks, loadCoverage, loadHeatmap, loadCheck, loadRecordForm, loadImport, loadOverlays];

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

/** Narrower than Fluent's default so all five tabs fit a 320 px pane without the overflow menu. */
const COMPACT_TAB = { padding: "0 4px", marginRight: 0 };

const tabId = (key: string) => `ismp-tab-${key}`;
const panelId = (key: string) => `ismp-panel-${key}`;

export interface AppProps {
  /** Defaults to the global Excel and Office objects. */
  host?: WorkbookHost;
  supported?: boolean;
}

export function App({ host: givenHost, supported = isExcelApiSupported(Office.context?.requirements) }: AppProps) {
  const theme = useOfficeTheme();
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
    <ThemeProvider theme={theme} applyTo="body" style={{ minHeight: "100vh" }}>
      <PaneContext.Provider value={services}>
        <Stack tokens={{ childrenGap: 8 }} styles={{ root: { padding: "8px 10px 16px", maxWidth: 640 } }}>
          {!supported && (
            <MessageBar messageBarType={MessageBarType.blocked} isMultiline>
              This add-in runs in Microsoft 365 (Windows version 2002 or later, Mac 16.35 or later), Excel 2021 or later, and Excel on
              the web: it needs a shared runtime and Excel JavaScript API {MIN_EXCEL_API}. Building and checking won&apos;t work in this
              version of Excel, but the workbooks it builds still open and calculate here, in Excel 2019 and in LibreOffice 7.4.
            </MessageBar>
          )}
          <Pivot
            aria-label="ISMP sections"
            selectedKey={tab}
            headersOnly
            overflowBehavior="menu"
            overflowAriaLabel="More sections"
            getTabId={tabId}
            onLinkClick={(item) => item?.props.itemKey && openTab(item.props.itemKey as TabKey)}
            styles={{ link: COMPACT_TAB, linkIsSelected: COMPACT_TAB }}
          >
            {TABS.map(({ key, title, heading }) => (
              <PivotItem key={key} itemKey={key} headerText={title} headerButtonProps={{ "aria-controls": panelId(key), title: heading }} />
            ))}
          </Pivot>
          {runner.error && (
            <MessageBar messageBarType={MessageBarType.error} isMultiline onDismiss={runner.dismissError} dismissButtonAriaLabel="Dismiss error">
              <Text block styles={{ root: { fontWeight: 600, color: "inherit" } }}>
                {runner.error.cause}
              </Text>
              <Text block variant="small" styles={{ root: { color: "inherit" } }}>
                Excel error code: {runner.error.code}
                {runner.error.location ? ` at ${runner.error.location}` : ""}.{" "}
                {runner.error.detail !== runner.error.cause && runner.error.detail}
              </Text>
            </MessageBar>
          )}
          {runner.progressLabel && <ProgressIndicator label={runner.progressLabel} ariaValueText={runner.progressLabel} />}
          {TABS.map(({ key, heading }) => (
            <div key={key} id={panelId(key)} role="tabpanel" aria-labelledby={tabId(key)} hidden={tab !== key}>
              <Text as="h2" variant="large" block styles={{ root: { margin: "4px 0 12px" } }}>
                {heading}
              </Text>
              {(tab === key || opened.has(key)) && (
                <React.Suspense fallback={<Text role="status">Loading {heading}…</Text>}>{views[key]}</React.Suspense>
              )}
            </div>
          ))}
        </Stack>
      </PaneContext.Provider>
    </ThemeProvider>
  );
}
