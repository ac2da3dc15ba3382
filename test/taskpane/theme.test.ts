import { contrastRatio } from "../../src/core/color";
import { createTheme } from "@fluentui/react/lib/Theme";
import { isDarkOfficeTheme, officeThemeToFluent, paneColors, pickAccent } from "../../src/taskpane/theme";

const light = { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000", isDarkTheme: false };
const dark = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#3C3C3C", controlForegroundColor: "#F0F0F0", isDarkTheme: true };
const colorful = { bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#262626", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626" };

describe("Office theme to Fluent theme", () => {
  it("uses the Office body and control colours", () => {
    const theme = officeThemeToFluent(dark);
    expect(theme.semanticColors?.bodyBackground).toBe("#262626");
    expect(theme.semanticColors?.bodyText).toBe("#FFFFFF");
    expect(theme.semanticColors?.inputBackground).toBe("#3C3C3C");
    expect(theme.palette?.white).toBe("#262626");
    expect(theme.palette?.neutralPrimary).toBe("#FFFFFF");
  });

  it("inverts the theme for dark Office themes, detected by flag or by background", () => {
    expect(officeThemeToFluent(dark).isInverted).toBe(true);
    expect(officeThemeToFluent(light).isInverted).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#1F1F1F" })).toBe(true);
    expect(isDarkOfficeTheme(colorful)).toBe(false);
  });

  it("keeps the accent and primary button text readable in every theme", () => {
    for (const office of [light, dark, colorful]) {
      const theme = officeThemeToFluent(office);
      const accent = theme.palette!.themePrimary!;
      expect(contrastRatio(accent, office.bodyBackgroundColor)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(accent, theme.semanticColors!.primaryButtonText!)).toBeGreaterThanOrEqual(4.5);
    }
    expect(pickAccent("#FFFFFF")).toBe("#217346");
  });

  it("orders the neutral ramp from background to foreground", () => {
    const { palette } = officeThemeToFluent(light);
    const darkness = (hex: string) => 255 - parseInt(hex.slice(1, 3), 16);
    expect(darkness(palette!.neutralLighter!)).toBeLessThan(darkness(palette!.neutralTertiary!));
    expect(darkness(palette!.neutralTertiary!)).toBeLessThan(darkness(palette!.neutralSecondary!));
  });

  it("falls back to a light theme when the host gives no colours", () => {
    const theme = officeThemeToFluent({});
    expect(theme.isInverted).toBe(false);
    expect(theme.semanticColors?.bodyBackground).toBe("#FFFFFF");
  });
});

describe("the first view's native controls", () => {
  it.each([
    ["light", light],
    ["dark", dark],
    ["colorful", colorful],
  ])("use the colours Fluent's own components get in the %s theme", (_name, office) => {
    const fluent = createTheme(officeThemeToFluent(office)).semanticColors as unknown as Record<string, string>;
    const native = paneColors(office) as unknown as Record<string, string>;
    for (const slot of Object.keys(native)) expect([slot, native[slot]]).toEqual([slot, fluent[slot]]);
  });
});
