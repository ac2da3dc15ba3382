/** The current Office theme, updated when Office reports a theme change. */
import { useEffect, useState } from "react";
import type { OfficeThemeColors } from "./theme";

function readOfficeTheme(): OfficeThemeColors {
  return (Office.context?.officeTheme as OfficeThemeColors | undefined) ?? {};
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

export function useOfficeTheme(): OfficeThemeColors {
  const [officeTheme, setOfficeTheme] = useState<OfficeThemeColors>(readOfficeTheme);
  useEffect(() => subscribeToThemeChanges(setOfficeTheme), []);
  return officeTheme;
}
