import * as React from "react";
import { DefaultButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import type { Problem } from "../../excel/operations";
import type { WorkbookCheckedDetail } from "../../commands/events";
import { usePane } from "../paneContext";
import { cellReference, groupProblems } from "../summaries";
import { CellLink } from "./CellLink";

export interface CheckViewProps {
  /** Changes whenever the check should run (opening the view, "Check risks" elsewhere). */
  runToken: number;
  /** Findings of the ribbon's Check Workbook command, shown as they are. */
  delivered?: WorkbookCheckedDetail;
}

export function CheckView({ runToken, delivered }: CheckViewProps) {
  const { host, runner } = usePane();
  const [problems, setProblems] = React.useState<Problem[]>();
  const [ribbonFailure, setRibbonFailure] = React.useState<string>();

  React.useEffect(() => {
    if (!delivered) return;
    setProblems(delivered.ok ? delivered.problems : undefined);
    setRibbonFailure(delivered.ok ? undefined : delivered.message);
  }, [delivered]);

  const check = React.useCallback(async () => {
    setRibbonFailure(undefined);
    const found = await runner.run("Checking the workbook", () => host.checkWorkbook());
    setProblems(found);
  }, [host, runner.run]);

  React.useEffect(() => {
    if (runToken > 0) void check();
  }, [runToken, check]);

  /** Only when the analyst asks: the formula goes back over their typed value (one cell or the column). */
  const restore = async (target: NonNullable<Problem["restore"]>, wholeColumn: boolean) => {
    const done = await runner.run("Restoring the formula", () =>
      host.restoreFormula(wholeColumn ? { table: target.table, column: target.column } : target),
    );
    if (done) await check();
  };

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text>
        Looks for duplicate or blank IDs, assets that do not exist, residual scores above inherent, unsigned or expired acceptances,
        overdue reviews, values outside the scales, unknown requirement IDs and implemented controls without evidence.
      </Text>
      <DefaultButton text="Run check" onClick={check} disabled={runner.busy} />
      {ribbonFailure && <MessageBar messageBarType={MessageBarType.error}>Check Workbook failed: {ribbonFailure}</MessageBar>}
      {problems && problems.length === 0 && (
        <MessageBar messageBarType={MessageBarType.success}>No problems found.</MessageBar>
      )}
      {problems &&
        groupProblems(problems).map((group) => (
          <section key={group.severity} aria-label={`${group.title}: ${group.problems.length}`}>
            <Text as="h3" variant="mediumPlus" styles={{ root: { margin: "4px 0" } }}>
              {group.title} ({group.problems.length})
            </Text>
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {group.problems.map((problem, i) => (
                <li key={`${problem.code}-${problem.sheet}-${problem.address}-${i}`} style={{ marginBottom: 6 }}>
                  <CellLink sheet={problem.sheet} address={problem.address} text={cellReference(problem.sheet, problem.address)} />
                  <Text block variant="small">
                    {problem.message}
                  </Text>
                  {problem.restore && (
                    <Stack horizontal tokens={{ childrenGap: 6 }} styles={{ root: { marginTop: 4 } }}>
                      <DefaultButton
                        text="Restore formula"
                        ariaLabel={`Restore the formula of ${problem.restore.column} in ${cellReference(problem.sheet, problem.address)}`}
                        disabled={runner.busy}
                        onClick={() => void restore(problem.restore!, false)}
                      />
                      <DefaultButton
                        text="Restore whole column"
                        ariaLabel={`Restore the formula in every cell of ${problem.restore.column}`}
                        disabled={runner.busy}
                        onClick={() => void restore(problem.restore!, true)}
                      />
                    </Stack>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </Stack>
  );
}
