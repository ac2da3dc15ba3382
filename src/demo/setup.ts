/**
 * Runs before the task pane's own entry module: installs the fake Office global and the headless
 * Excel global, so the task pane code is exactly what ships in the add-in.
 */
import { installFakeOffice, type DemoThemeName } from "./fakeOffice";
import { installExcelGlobal } from "./demoWorkbook";

const requested = new URLSearchParams(location.search).get("theme");
export const initialTheme: DemoThemeName = requested === "dark" || requested === "colorful" ? requested : "light";

export const fakeOffice = installFakeOffice(initialTheme);
installExcelGlobal();
