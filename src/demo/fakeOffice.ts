/**
 * A stand-in for the Office global on the demo page: enough of Office.js for the task pane
 * (onReady, officeTheme, requirement sets, the theme-changed event). Excel itself is the headless host.
 */
import type { OfficeThemeColors } from "../taskpane/theme";

export const DEMO_THEMES = {
  light: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000", isDarkTheme: false },
  colorful: { bodyBackgroundColor: "#F3F2F1", bodyForegroundColor: "#262626", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626", isDarkTheme: false },
  dark: { bodyBackgroundColor: "#292929", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#3B3B3B", controlForegroundColor: "#F0F0F0", isDarkTheme: true },
} satisfies Record<string, OfficeThemeColors>;
export type DemoThemeName = keyof typeof DEMO_THEMES;

const THEME_CHANGED = "officeThemeChanged";

type Handler = (args?: unknown) => void;

export interface FakeOffice {
  setTheme(name: DemoThemeName): void;
}

export function installFakeOffice(initialTheme: DemoThemeName): FakeOffice {
  const themeHandlers = new Set<Handler>();
  const context = {
    officeTheme: { ...DEMO_THEMES[initialTheme] },
    requirements: { isSetSupported: () => true },
    document: {
      addHandlerAsync(type: string, handler: Handler, callback?: (result: { status: string }) => void) {
        if (type === THEME_CHANGED) themeHandlers.add(handler);
        callback?.({ status: type === THEME_CHANGED ? "succeeded" : "failed" });
      },
      removeHandlerAsync(type: string, options: { handler?: Handler }, callback?: (result: { status: string }) => void) {
        if (type === THEME_CHANGED && options.handler) themeHandlers.delete(options.handler);
        callback?.({ status: "succeeded" });
      },
    },
  };
  const office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    EventType: { OfficeThemeChanged: THEME_CHANGED },
    context,
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  (globalThis as unknown as { Office: unknown }).Office = office;

  return {
    setTheme(name) {
      context.officeTheme = { ...DEMO_THEMES[name] };
      for (const handler of themeHandlers) handler({ type: THEME_CHANGED, officeTheme: context.officeTheme });
    },
  };
}
