/**
 * Fluent UI for the parts of the pane drawn after the first paint (the other views, notices, the
 * Build report): its own chunk, so the first render neither parses nor runs Fluent (issue #10).
 * It registers the icons Fluent asks for and gives its children the Fluent theme of the Office theme.
 */
import * as React from "react";
import { createTheme, ThemeProvider } from "@fluentui/react/lib/Theme";
import { registerTaskPaneIcons } from "./icons";
import { officeThemeToFluent, type OfficeThemeColors } from "./theme";

registerTaskPaneIcons();

export function FluentScope({ officeTheme, children }: { officeTheme: OfficeThemeColors; children: React.ReactNode }) {
  const theme = React.useMemo(() => createTheme(officeThemeToFluent(officeTheme)), [officeTheme]);
  return (
    <ThemeProvider theme={theme}>
      {children}
    </ThemeProvider>
  );
}
