/**
 * The pane's notices (an operation's error, its progress, Set up's warning), in Fluent UI. They
 * appear only after the first paint, so they live in their own chunk (issue #10). The notice for an
 * Excel without the needed API can show at start, so it is native (App.tsx, BlockedNotice).
 */
import * as React from "react";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { ProgressIndicator } from "@fluentui/react/lib/ProgressIndicator";
import { Text } from "@fluentui/react/lib/Text";
import type { FriendlyError } from "./errors";

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
