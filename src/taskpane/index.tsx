/**
 * Task pane entry: renders the pane into #container (created if the page lacks it) at once, without
 * waiting for Office.onReady: the first view needs no Office API, and everything that does waits for
 * onReady itself (officeReady.ts cites Microsoft's guidance). Office's own start-up (o15 file
 * mapping, host handshake) then runs beside the first render instead of before it (issue #10).
 */
import "./fabricConfig";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { injectControlStyles } from "./controls/styles";
import { whenOfficeReady } from "./officeReady";

function rootElement(): HTMLElement {
  const existing = document.getElementById("container");
  if (existing) return existing;
  const created = document.createElement("div");
  created.id = "container";
  document.body.appendChild(created);
  return created;
}

injectControlStyles();
createRoot(rootElement()).render(<App />);
// Start Office's handshake now; a failure (office.js not loaded) is reported by the first operation.
whenOfficeReady().catch(() => undefined);
