/** Task pane entry: waits for Office, then renders the pane into #container (created if the page lacks it). */
import "./fabricConfig";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { injectControlStyles } from "./controls/styles";

function rootElement(): HTMLElement {
  const existing = document.getElementById("container");
  if (existing) return existing;
  const created = document.createElement("div");
  created.id = "container";
  document.body.appendChild(created);
  return created;
}

void Office.onReady().then(() => {
  injectControlStyles();
  createRoot(rootElement()).render(<App />);
});
