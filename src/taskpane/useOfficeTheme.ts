/**
 * The current Office theme, updated when Office reports a theme change. The pane renders before
 * Office.onReady (officeReady.ts), when Office.context.officeTheme can't be read yet: until then it
 * shows the theme Office reported last time, kept in the page's localStorage, so a dark Office
 * does not open a light pane. With nothing kept (the first opening, or storage blocked) it starts
 * light; a theme changed in Office since the last opening shows once Office is ready.
 */
import { useEffect, useState } from "react";
import { isOfficeThemeColors, type OfficeThemeColors } from "./theme";

function readOfficeTheme(): OfficeThemeColors {
  return (Office.context?.officeTheme as OfficeThemeColors | undefined) ?? {};
}

const REMEMBERED_THEME = "ismp.officeTheme";

type StorageSource = () => Pick<Storage, "getItem" | "setItem"> | undefined;

/**
 * Reading `localStorage` itself throws a SecurityError where storage is blocked (third-party
 * storage blocked for Excel on the web's frame, cookies off), so it is read inside the try.
 */
const pageStorage: StorageSource = () => globalThis.localStorage;

/** localStorage may be missing or refuse access (a private window, storage turned off): the pane then starts light. */
export function rememberedTheme(storage: StorageSource = pageStorage): OfficeThemeColors {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(REMEMBERED_THEME) ?? "null");
    return isOfficeThemeColors(value) ? value : {};
  } catch {
    return {};
  }
}

export function rememberTheme(theme: OfficeThemeColors, storage: StorageSource = pageStorage): void {
  try {
    storage()?.setItem(REMEMBERED_THEME, JSON.stringify(theme));
  } catch {
    // Nowhere to keep it: the next opening starts light.
  }
}

type ThemeChangedArgs = { officeTheme?: OfficeThemeColors };

/**
 * Office.EventType.OfficeThemeChanged is only documented for some hosts, so both the enum member and
 * the handler registration are feature-detected and a failed registration is ignored.
 */
function subscribeToThemeChanges(onChange: (theme: OfficeThemeColors) => void): () => void {
  const eventType = Office.EventType?.OfficeThemeChanged;
  const document = Office.context?.document;
  if (!eventType || typeof document?.addHandlerAsync !== "function") return () => undefined;
  const handler = (args?: unknown) => onChange((args as ThemeChangedArgs | undefined)?.officeTheme ?? readOfficeTheme());
  try {
    document.addHandlerAsync(eventType, handler, () => undefined);
  } catch {
    return () => undefined;
  }
  return () => {
    try {
      document.removeHandlerAsync(eventType, { handler }, () => undefined);
    } catch {
      // The host never accepted the handler.
    }
  };
}

/** `officeReady`: whether Office.onReady has resolved (before that, the remembered theme). */
export function useOfficeTheme(officeReady: boolean): OfficeThemeColors {
  const [officeTheme, setOfficeTheme] = useState<OfficeThemeColors>(() => (officeReady ? readOfficeTheme() : rememberedTheme()));
  useEffect(() => {
    if (!officeReady) return;
    const show = (theme: OfficeThemeColors) => {
      setOfficeTheme(theme);
      rememberTheme(theme);
    };
    show(readOfficeTheme());
    return subscribeToThemeChanges(show);
  }, [officeReady]);
  return officeTheme;
}
