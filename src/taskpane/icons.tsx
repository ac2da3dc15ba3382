/**
 * The few icons Fluent components ask for, as inline SVG. Fluent's initializeIcons() would fetch an
 * icon font from a CDN; the add-in makes no network requests, so it is never called.
 */
import * as React from "react";
import { registerIcons } from "@fluentui/react/lib/Styling";
import { ICON_PATHS } from "./iconPaths";

const svg = (path: string) => (
  <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false" style={{ verticalAlign: "-0.125em" }}>
    <path d={path} fill="currentColor" />
  </svg>
);

let registered = false;

export function registerTaskPaneIcons(): void {
  if (registered) return;
  registered = true;
  const icons = Object.fromEntries(Object.entries(ICON_PATHS).map(([name, path]) => [name, svg(path)]));
  registerIcons({ icons });
}
