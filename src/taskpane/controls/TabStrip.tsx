/**
 * The pane's section tabs as plain buttons in a WAI-ARIA tablist (the "Tabs" pattern of the ARIA
 * Authoring Practices): one tab in the Tab order (the selected one), arrow keys, Home and End move
 * between tabs, Enter, Space or a click opens one (manual activation, as Fluent's Pivot did: a view
 * loads only when chosen). It wraps onto a second row in a narrow pane instead of hiding tabs in
 * an overflow menu. Fluent's Pivot drew the same strip from eight buttons with their own styles and
 * focus zone, the largest part of the pane's first render (issue #10).
 */
import * as React from "react";

export interface Tab<K extends string> {
  key: K;
  title: string;
  /** Shown as the tab's tooltip: the view's full name. */
  heading: string;
}

export interface TabStripProps<K extends string> {
  label: string;
  tabs: readonly Tab<K>[];
  selected: K;
  onSelect(key: K): void;
  tabId(key: K): string;
  panelId(key: K): string;
}

/** A horizontal tablist (WAI-ARIA APG, Tabs pattern): Left/Right wrap, Home/End; Up/Down are left to the page. */
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function TabStrip<K extends string>({ label, tabs, selected, onSelect, tabId, panelId }: TabStripProps<K>) {
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    // With a modifier the keys belong to the browser or the screen reader (Alt+Left is Back).
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const move = MOVES[event.key];
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (!move || current < 0) return;
    event.preventDefault();
    buttons[move(current, buttons.length)].focus();
  };
  return (
    <div role="tablist" aria-label={label} className="ismp-tablist" onKeyDown={onKeyDown}>
      {tabs.map(({ key, title, heading }) => (
        <button
          key={key}
          type="button"
          role="tab"
          id={tabId(key)}
          className="ismp-tab"
          aria-selected={key === selected}
          aria-controls={panelId(key)}
          tabIndex={key === selected ? 0 : -1}
          title={heading}
          onClick={() => onSelect(key)}
        >
          <span className="ismp-tab-text" data-text={title}>
            {title}
          </span>
        </button>
      ))}
    </div>
  );
}
