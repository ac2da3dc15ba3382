import * as React from "react";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Text } from "@fluentui/react/lib/Text";
import type { BuildReport } from "../../excel/operations";
import { buildHeadline, describeBuildReport } from "../summaries";

export function BuildReportView({ report }: { report: BuildReport }) {
  const lines = describeBuildReport(report);
  const hasWarnings = report.warnings.length > 0 || report.renamed.length > 0;
  return (
    <MessageBar messageBarType={hasWarnings ? MessageBarType.warning : MessageBarType.success} isMultiline>
      <Text block styles={{ root: { fontWeight: 600 } }}>
        {buildHeadline(report)}
      </Text>
      {lines.length > 0 && (
        <ul style={{ margin: "4px 0 0", paddingLeft: 16 }}>
          {lines.map((line, i) => (
            <li key={i}>{line.text}</li>
          ))}
        </ul>
      )}
    </MessageBar>
  );
}
