/** The task pane: theme, navigation, the shared error bar and progress, and the five views. */
import * as React from "react";
import {
  MessageBar,
  MessageBarType,
  Pivot,
  PivotItem,
  ProgressIndicator,
  Stack,
  Text,
  ThemeProvider,
} from "@fluentui/react";
import { createWorkbookHost, isExcelApiSupported, MIN_EXCEL_API, type WorkbookHost } from "./excelHost";
import { PaneContext } from "./paneContext";
import { useOfficeTheme } from "./useOfficeTheme";
import { useOperationRunner } from "./useOperationRunner";
import { CheckView } from "./views/CheckView";
import { useRibbonCheck } from "./useRibbonCheck";
import { CoverageView } from "./views/CoverageView";
import { HeatmapView } from "./views/HeatmapView";
import { ImportView } from "./views/ImportView";
import { RecordFormView } from "./views/RecordFormView";
import { ProgramView } from "./views/ProgramView";
import { RisksView } from "./views/RisksView";
import { SetupView } from "./views/SetupView";

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
              {views[key]}
            </div>
          ))}
        </Stack>
      </PaneContext.Provider>
    </ThemeProvider>
  );
}
