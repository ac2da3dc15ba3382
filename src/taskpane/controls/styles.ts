/**
 * The look of the first view's native controls (tab strip, check boxes, lists, radio buttons, text
 * box, Build): one static style sheet that reads the Fluent theme through CSS variables, so the
 * first render creates no per-component styles (issue #10: first render within 500 ms) and a theme
 * change only swaps the variables. Sizes, borders and states follow Fluent UI v8's Pivot, Checkbox,
 * Dropdown, ChoiceGroup, TextField and PrimaryButton; keyboard focus shows a ring (:focus-visible);
 * in forced-colors (high contrast) mode the inputs fall back to the system's own drawing.
 */
import { ICON_PATHS } from "../iconPaths";
import type { PaneColors } from "../theme";

/** The class of the pane's root element. */
export const CONTROLS_ROOT = "ismp-root";

/** An icon of iconPaths.ts in one colour, as a CSS image. */
const icon = (path: string, color: string) =>
  `url("data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path fill="${color}" d="${path}"/></svg>`)}")`;

/** The theme's colours as the style sheet's variables. */
export function themeVariables(colors: PaneColors): Record<string, string> {
  return {
    "--ismp-text": colors.bodyText,
    "--ismp-subtle-text": colors.bodySubtext,
    "--ismp-background": colors.bodyBackground,
    "--ismp-hover-background": colors.buttonBackgroundHovered,
    "--ismp-pressed-background": colors.buttonBackgroundPressed,
    "--ismp-primary": colors.primaryButtonBackground,
    "--ismp-primary-hovered": colors.primaryButtonBackgroundHovered,
    "--ismp-primary-pressed": colors.primaryButtonBackgroundPressed,
    "--ismp-on-primary": colors.primaryButtonText,
    "--ismp-input-background": colors.inputBackground,
    "--ismp-input-text": colors.inputText,
    "--ismp-input-border": colors.inputBorder,
    "--ismp-input-border-hovered": colors.inputBorderHovered,
    "--ismp-focus": colors.focusBorder,
    "--ismp-disabled-background": colors.disabledBackground,
    "--ismp-disabled-text": colors.disabledText,
    "--ismp-disabled-border": colors.disabledBorder,
    "--ismp-check-mark": icon(ICON_PATHS.CheckMark, colors.inputForegroundChecked),
    "--ismp-chevron": icon(ICON_PATHS.ChevronDown, colors.inputText),
    "--ismp-message-text": colors.messageText,
    "--ismp-blocking-background": colors.blockingBackground,
    "--ismp-blocked-icon": icon(ICON_PATHS.Blocked2, colors.errorIcon),
  };
}

/** Puts the variables on the page's root, so the body's background follows the theme too. */
export function applyThemeVariables(colors: PaneColors, root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(themeVariables(colors))) root.style.setProperty(name, value);
}

/** Fluent UI v8's font stack (its default, West European). */
const FONT = `"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif`;

const CSS = `
.${CONTROLS_ROOT} { font-family: ${FONT}; font-size: 14px; font-weight: 400; color: var(--ismp-text);
  -webkit-font-smoothing: antialiased; -moz-osx-font-smoothing: grayscale; }
body { background-color: var(--ismp-background); color: var(--ismp-text); }
.ismp-stack { display: flex; flex-direction: column; }
.ismp-heading { font-size: 18px; font-weight: 400; margin: 4px 0 12px; }
.ismp-small { font-size: 12px; margin: 0; }
.ismp-strong { font-weight: 600; }
.ismp-visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

.ismp-tablist { display: flex; flex-wrap: wrap; }
.ismp-tab { position: relative; height: 44px; padding: 0 4px; margin: 0; border: 0; border-radius: 0; background: transparent;
  color: var(--ismp-text); font: inherit; font-size: 14px; cursor: pointer; outline: none; }
.ismp-tab:hover { background: var(--ismp-hover-background); }
.ismp-tab:active { background: var(--ismp-pressed-background); }
.ismp-tab[aria-selected="true"] { font-weight: 600; }
.ismp-tab::before { content: ""; position: absolute; left: 8px; right: 8px; bottom: 0; height: 2px; background: transparent; }
.ismp-tab[aria-selected="true"]::before { background: var(--ismp-primary); }
/* Every tab keeps its bold width, so choosing one does not shift the others. */
.ismp-tab-text { display: inline-block; padding: 0 4px; }
.ismp-tab-text::after { content: attr(data-text); display: block; height: 0; overflow: hidden; visibility: hidden; font-weight: 600; }

.ismp-check, .ismp-radio { display: flex; align-items: flex-start; gap: 4px; cursor: pointer; line-height: 20px; width: fit-content; }
.ismp-check input, .ismp-radio input { appearance: none; -webkit-appearance: none; flex: none; width: 20px; height: 20px; margin: 0 4px 0 0;
  border: 1px solid var(--ismp-input-border); background: var(--ismp-input-background) center / 16px no-repeat; cursor: inherit; outline: none; }
.ismp-check input { border-radius: 2px; }
.ismp-check:hover input:not(:disabled):not(:checked) { border-color: var(--ismp-input-border-hovered); }
.ismp-check input:checked { background-color: var(--ismp-primary); border-color: var(--ismp-primary); background-image: var(--ismp-check-mark); }
.ismp-check:hover input:checked:not(:disabled) { background-color: var(--ismp-primary-hovered); border-color: var(--ismp-primary-hovered); }
.ismp-check input:disabled { border-color: var(--ismp-disabled-border); background-color: var(--ismp-input-background); }
.ismp-check input:checked:disabled { background-color: var(--ismp-disabled-border); border-color: var(--ismp-disabled-border); background-image: var(--ismp-check-mark); }
.ismp-check.is-disabled { cursor: default; color: var(--ismp-disabled-text); }
.ismp-radio input { border-radius: 50%; }
.ismp-radio:hover input:not(:checked) { border-color: var(--ismp-input-border-hovered); }
.ismp-radio input:checked { border-color: var(--ismp-primary); background: radial-gradient(circle, var(--ismp-primary) 0 5px, transparent 5.5px); }

.ismp-fieldset { border: 0; margin: 0; padding: 0; min-width: 0; display: flex; flex-direction: column; }
.ismp-label, .ismp-fieldset > legend { display: block; padding: 5px 0; font-weight: 600; font-size: 14px; color: var(--ismp-text); }
.ismp-fieldset > legend { padding: 5px 0; margin-bottom: 1px; }
.ismp-fieldset > legend.ismp-small { font-size: 12px; padding: 0; }
.ismp-select, .ismp-input { box-sizing: border-box; width: 100%; height: 32px; margin: 0; border: 1px solid var(--ismp-input-border); border-radius: 2px;
  background-color: var(--ismp-input-background); color: var(--ismp-input-text); font: inherit; font-size: 14px; outline: none; }
.ismp-select { appearance: none; -webkit-appearance: none; padding: 0 28px 0 8px; cursor: pointer;
  background-image: var(--ismp-chevron); background-repeat: no-repeat; background-position: right 8px center; background-size: 12px; }
.ismp-input { padding: 0 8px; }
.ismp-select:hover, .ismp-input:hover { border-color: var(--ismp-input-border-hovered); }
.ismp-select:focus, .ismp-input:focus { border: 2px solid var(--ismp-primary); padding-left: 7px; }
.ismp-select:focus { padding-right: 27px; }
.ismp-select option { background: var(--ismp-input-background); color: var(--ismp-input-text); }

.ismp-primary { box-sizing: border-box; min-width: 80px; height: 32px; padding: 0 16px; border: 1px solid var(--ismp-primary); border-radius: 2px;
  background: var(--ismp-primary); color: var(--ismp-on-primary); font: inherit; font-size: 14px; font-weight: 600; cursor: pointer; outline: none; align-self: flex-start; }
.ismp-primary:hover:not(:disabled) { background: var(--ismp-primary-hovered); border-color: var(--ismp-primary-hovered); }
.ismp-primary:active:not(:disabled) { background: var(--ismp-primary-pressed); border-color: var(--ismp-primary-pressed); }
.ismp-primary:disabled { background: var(--ismp-disabled-background); border-color: var(--ismp-disabled-background); color: var(--ismp-disabled-text); cursor: default; }

.ismp-notice { display: flex; gap: 8px; padding: 8px 12px; min-height: 32px; box-sizing: border-box; font-size: 12px; line-height: 16px;
  background: var(--ismp-blocking-background); color: var(--ismp-message-text); }
.ismp-notice::before { content: ""; flex: none; width: 16px; height: 16px; background: var(--ismp-blocked-icon) center / 16px no-repeat; }

.ismp-tab:focus-visible, .ismp-primary:focus-visible { outline: 1px solid var(--ismp-focus); outline-offset: -3px; }
.ismp-check input:focus-visible, .ismp-radio input:focus-visible { outline: 1px solid var(--ismp-focus); outline-offset: 2px; }

@media (forced-colors: active) {
  .ismp-notice { border: 1px solid CanvasText; }
  .ismp-check input, .ismp-radio input { appearance: auto; -webkit-appearance: auto; }
  .ismp-tab[aria-selected="true"]::before { background: Highlight; }
  .ismp-tab:focus-visible, .ismp-primary:focus-visible { outline-color: Highlight; }
}
`;

let injected = false;

/** Adds the style sheet to the page once, before the first render. */
export function injectControlStyles(doc: Document = document): void {
  if (injected) return;
  injected = true;
  const style = doc.createElement("style");
  style.id = "ismp-controls";
  style.textContent = CSS;
  doc.head.appendChild(style);
}
