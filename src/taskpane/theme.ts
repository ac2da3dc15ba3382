/**
 * Maps the Office theme (Office.context.officeTheme) to a Fluent UI v8 partial theme, so the pane
 * matches Excel in light, dark and colorful themes. Pure: the caller passes the theme in.
 */
import type { IPalette, PartialTheme } from "@fluentui/react/lib/Theme";
import { contrastRatio, isHexColor, mix, readableTextColor, relativeLuminance } from "../core/color";

/** The subset of Office.OfficeTheme we read; every field may be missing on older hosts. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

const COLOR_FIELDS = ["bodyBackgroundColor", "bodyForegroundColor", "controlBackgroundColor", "controlForegroundColor"] as const;

/** Whether a value read back (from storage) has the shape of OfficeThemeColors. */
export function isOfficeThemeColors(value: unknown): value is OfficeThemeColors {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const theme = value as Record<string, unknown>;
  return COLOR_FIELDS.every((field) => theme[field] === undefined || typeof theme[field] === "string") && (theme.isDarkTheme === undefined || typeof theme.isDarkTheme === "boolean");
}

const LIGHT_DEFAULTS = {
  bodyBackgroundColor: "#FFFFFF",
  bodyForegroundColor: "#323130",
  controlBackgroundColor: "#FFFFFF",
  controlForegroundColor: "#323130",
};

/** Excel green first; lighter greens for dark backgrounds. */
const ACCENT_CANDIDATES = ["#217346", "#107C41", "#185C37", "#3FAE6A", "#6CCB8F", "#A7E3BD"];

/** WCAG AA for text. */
const MIN_TEXT_CONTRAST = 4.5;

function colorOr(value: string | undefined, fallback: string): string {
  return isHexColor(value) ? (value.startsWith("#") ? value : `#${value}`).toUpperCase() : fallback;
}

export function isDarkOfficeTheme(theme: OfficeThemeColors): boolean {
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  return relativeLuminance(colorOr(theme.bodyBackgroundColor, LIGHT_DEFAULTS.bodyBackgroundColor)) < 0.2;
}

/** The first accent that reads as text on the background, else plain black or white. */
export function pickAccent(background: string): string {
  return ACCENT_CANDIDATES.find((c) => contrastRatio(c, background) >= MIN_TEXT_CONTRAST) ?? readableTextColor(background);
}

/** Neutral ramp from the background (0) to the foreground (1), like Fluent's default greys. */
const NEUTRAL_STEPS: Array<[keyof IPalette, number]> = [
  ["neutralLighterAlt", 0.02],
  ["neutralLighter", 0.05],
  ["neutralLight", 0.09],
  ["neutralQuaternaryAlt", 0.13],
  ["neutralQuaternary", 0.18],
  ["neutralTertiaryAlt", 0.22],
  ["neutralTertiary", 0.4],
  ["neutralSecondaryAlt", 0.55],
  ["neutralSecondary", 0.75],
  ["neutralPrimaryAlt", 0.9],
];

export function officeThemeToFluent(theme: OfficeThemeColors): PartialTheme {
  const background = colorOr(theme.bodyBackgroundColor, LIGHT_DEFAULTS.bodyBackgroundColor);
  const foreground = colorOr(theme.bodyForegroundColor, readableTextColor(background));
  const controlBackground = colorOr(theme.controlBackgroundColor, background);
  const controlForeground = colorOr(theme.controlForegroundColor, foreground);
  const accent = pickAccent(background);
  const strongest = readableTextColor(background);

  const palette: Partial<IPalette> = {
    themePrimary: accent,
    themeLighterAlt: mix(accent, background, 0.94),
    themeLighter: mix(accent, background, 0.85),
    themeLight: mix(accent, background, 0.7),
    themeTertiary: mix(accent, background, 0.4),
    themeSecondary: mix(accent, background, 0.15),
    themeDarkAlt: mix(accent, foreground, 0.1),
    themeDark: mix(accent, foreground, 0.25),
    themeDarker: mix(accent, foreground, 0.45),
    white: background,
    neutralPrimary: foreground,
    neutralDark: mix(foreground, strongest, 0.5),
    black: strongest,
  };
  for (const [slot, weight] of NEUTRAL_STEPS) palette[slot] = mix(background, foreground, weight);

  const accentText = readableTextColor(accent);
  return {
    isInverted: isDarkOfficeTheme(theme),
    palette,
    semanticColors: {
      bodyBackground: background,
      bodyText: foreground,
      inputBackground: controlBackground,
      inputText: controlForeground,
      primaryButtonText: accentText,
      primaryButtonTextHovered: accentText,
      primaryButtonTextPressed: accentText,
    },
  };
}

/**
 * The colours of the first view's native controls (controls/styles.ts), named after the Fluent
 * semantic slots they stand for and derived from the same palette as Fluent's createTheme, so they
 * match the Fluent components of the other views without loading Fluent for the first render.
 */
export interface PaneColors {
  bodyBackground: string;
  bodyText: string;
  bodySubtext: string;
  buttonBackgroundHovered: string;
  buttonBackgroundPressed: string;
  primaryButtonBackground: string;
  primaryButtonBackgroundHovered: string;
  primaryButtonBackgroundPressed: string;
  primaryButtonText: string;
  inputBackground: string;
  inputText: string;
  inputBorder: string;
  inputBorderHovered: string;
  inputForegroundChecked: string;
  focusBorder: string;
  disabledBackground: string;
  disabledText: string;
  disabledBorder: string;
  /** A blocking notice (Fluent's MessageBar, "blocked"). */
  messageText: string;
  blockingBackground: string;
  errorIcon: string;
}

export function paneColors(theme: OfficeThemeColors): PaneColors {
  const { palette, semanticColors } = officeThemeToFluent(theme) as { palette: IPalette; semanticColors: PaneColors };
  return {
    bodyBackground: semanticColors.bodyBackground,
    bodyText: semanticColors.bodyText,
    bodySubtext: palette.neutralSecondary,
    buttonBackgroundHovered: palette.neutralLighter,
    buttonBackgroundPressed: palette.neutralLight,
    primaryButtonBackground: palette.themePrimary,
    primaryButtonBackgroundHovered: palette.themeDarkAlt,
    primaryButtonBackgroundPressed: palette.themeDark,
    primaryButtonText: semanticColors.primaryButtonText,
    inputBackground: semanticColors.inputBackground,
    inputText: semanticColors.inputText,
    inputBorder: palette.neutralSecondary,
    inputBorderHovered: palette.neutralPrimary,
    inputForegroundChecked: palette.white,
    focusBorder: palette.neutralSecondary,
    disabledBackground: palette.neutralLighter,
    disabledText: palette.neutralTertiary,
    disabledBorder: palette.neutralTertiaryAlt,
    // Fixed by Fluent for light and for inverted (dark) themes.
    ...(isDarkOfficeTheme(theme)
      ? { messageText: "#F3F2F1", blockingBackground: "#442726", errorIcon: "#F1707B" }
      : { messageText: "#323130", blockingBackground: "#FDE7E9", errorIcon: "#A80000" }),
  };
}
