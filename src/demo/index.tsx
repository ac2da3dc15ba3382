/** Demo page: the real task pane (320 px) beside a live view of the in-browser workbook. */
import { fakeOffice, initialTheme } from "./setup";
import "../taskpane/index";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { downloadXlsx, headlessExcel, onWorkbookChanged } from "./demoWorkbook";
import { DEMO_THEMES, type DemoThemeName } from "./fakeOffice";
import { WorkbookView } from "./WorkbookView";

function ThemePicker() {
  const [theme, setTheme] = React.useState<DemoThemeName>(initialTheme);
  const choose = (name: DemoThemeName) => {
    setTheme(name);
    fakeOffice.setTheme(name);
    document.documentElement.dataset.officeTheme = name;
  };
  return (
    <label className="theme-picker">
      Office theme{" "}
      <select value={theme} onChange={(event) => choose(event.target.value as DemoThemeName)}>
        {Object.keys(DEMO_THEMES).map((name) => (
          <option key={name} value={name}>{name}</option>
        ))}
      </select>
    </label>
  );
}

document.documentElement.dataset.officeTheme = initialTheme;
createRoot(document.getElementById("theme-picker")!).render(<ThemePicker />);
createRoot(document.getElementById("workbook")!).render(
  <WorkbookView excel={headlessExcel} subscribe={onWorkbookChanged} onDownload={() => void downloadXlsx("ismp-demo.xlsx")} />,
);
