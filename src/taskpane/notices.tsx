/**
 * The pane's notices (unsupported Excel, an operation's error, its progress), in Fluent UI. They
 * appear only after the first paint, so they live in their own chunk (issue #10).
 */
import * as React from "react";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { ProgressIndicator } from "@fluentui/react/lib/ProgressIndicator";
import { Text } from "@fluentui/react/lib/Text";
import { MIN_EXCEL_API } from "./excelHost";
import type { FriendlyError } from "./errors";

export function UnsupportedNotice() {
  return (
    <MessageBar messageBarType={MessageBarType.blocked} isMultiline>
      This add-in runs in Microsoft 365 (Windows version 2002 or later, Mac 16.35 or later), Excel 2021 or later, and Excel on the
      web: it needs a shared runtime and Excel JavaScript API {MIN_EXCEL_API}. Building and checking won&apos;t work in this version
      of Excel, but the workbooks it builds still open and calculate here, in Excel 2019 and in LibreOffice 7.4.
    </MessageBar>
  );
}

export function ErrorNotice({ error, onDismiss }: { error: FriendlyError; onDismiss(): void }) {
  return (
    <MessageBar messageBarType={MessageBarType.error} isMultiline onDismiss={onDismiss} dismissButtonAriaLabel="Dismiss error">
      <Text block styles={{ root: { fontWeight: 600, color: "inherit" } }}>
        {error.cause}
      </Text>
      <Text block variant="small" styles={{ root: { color: "inherit" } }}>
        Excel error code: {error.code}
        {error.location ? ` at ${error.location}` : ""}. {error.detail !== error.cause && error.detail}
      </Text>
    </MessageBar>
  );
}

export function ProgressNotice({ label }: { label: string }) {
  return <ProgressIndicator label={label} ariaValueText={label} />;
}

/** Set up's warning when no framework is chosen. */
export function NoFrameworkNotice() {
  return <MessageBar messageBarType={MessageBarType.warning}>Choose at least one framework.</MessageBar>;
}
