/**
 * Add a framework from your own file (HITRUST, PCI DSS, CIS Controls, an internal standard): pick
 * the catalog, give it a key and a name, see what it holds or every problem by row and column, and
 * only then add it. Nothing is written until the file is clean and Add is clicked.
 */
import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Dropdown } from "@fluentui/react/lib/Dropdown";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { TextField } from "@fluentui/react/lib/TextField";
import { assessableCount } from "../../core/catalogs/customFramework";
import type { FrameworkFileResult } from "../../excel/customFramework";
import type { BuildReport } from "../../excel/operations";
import { PickedSource, readPickedCatalog } from "../importFile";
import { usePane } from "../paneContext";
import { buildHeadline } from "../summaries";

const SHOWN_PROBLEMS = 30;

export function CustomFrameworkForm({ onAdded }: { onAdded: (report: BuildReport) => void }) {
  const { host, runner } = usePane();
  const [key, setKey] = React.useState("");
  const [name, setName] = React.useState("");
  const [file, setFile] = React.useState<File>();
  const [source, setSource] = React.useState<PickedSource>();
  const [fileError, setFileError] = React.useState<string>();
  const [checked, setChecked] = React.useState<FrameworkFileResult>();
  const [added, setAdded] = React.useState<string>();
  const fileInput = React.useRef<HTMLInputElement>(null);

  const pick = async (picked: File | undefined, sheet?: string) => {
    if (!picked) return;
    setFile(picked);
    setFileError(undefined);
    setChecked(undefined);
    setAdded(undefined);
    try {
      setSource(await readPickedCatalog(picked, sheet));
    } catch (error) {
      setSource(undefined);
      setFileError((error as Error).message);
    }
  };

  const request = (dryRun: boolean) => ({ grid: source!.grid, key, name: name.trim() || undefined, source: file?.name ?? source!.name, dryRun });

  // The check follows the file, key and name; it reads the workbook and writes nothing.
  React.useEffect(() => {
    if (!source || key.trim() === "") return;
    let current = true;
    void runner.run("Checking the framework file", () => host.addFrameworkFromFile(request(true))).then((found) => current && found && setChecked(found));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, key, name, host, runner.run]);

  const add = async () => {
    const done = await runner.run("Adding your framework", () => host.addFrameworkFromFile(request(false)));
    if (!done) return;
    setChecked(done);
    if (done.ok && done.report) {
      setAdded(`${done.framework.shortName} (${done.framework.key}) added. ${buildHeadline(done.report)}`);
      onAdded(done.report);
    }
  };

  const assessable = checked?.ok ? assessableCount(checked.framework) : 0;
  return (
    <section aria-label="Add your own framework">
      <Stack tokens={{ childrenGap: 8 }}>
        <Text as="h3" variant="mediumPlus">
          Your own framework
        </Text>
        <Text variant="small">
          A CSV, Excel or JSON file with columns ID, Label and Parent (optionally Assessable and Applicable, Yes or No). It is stored in this workbook
          only.
        </Text>
        <TextField label="Key" required description={`Letters, digits, - or _, e.g. ACME-SEC. Formulas use it: =ISMP.COVERAGE("ACME-SEC", …)`} value={key} onChange={(_, v) => setKey(v ?? "")} />
        <TextField label="Short name" description="Heads its Control Matrix column; the key when blank." value={name} onChange={(_, v) => setName(v ?? "")} />
        <input ref={fileInput} type="file" accept=".csv,.txt,.tsv,.xlsx,.xlsm,.json" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void pick(e.target.files?.[0])} />
        <DefaultButton text={source ? `Catalog: ${source.name}` : "Choose the catalog file…"} onClick={() => fileInput.current?.click()} disabled={runner.busy} />
        {source?.sheets && source.sheets.length > 1 && (
          <Dropdown label="Worksheet" options={source.sheets.map((s) => ({ key: s, text: s }))} selectedKey={source.sheet} onChange={(_, o) => o && void pick(file, String(o.key))} disabled={runner.busy} />
        )}
        {fileError && <MessageBar messageBarType={MessageBarType.error}>{fileError}</MessageBar>}
        {checked && !checked.ok && (
          <>
            <Text role="status">{`${checked.problems.length} ${checked.problems.length === 1 ? "problem" : "problems"}; nothing will be written until the file is fixed.`}</Text>
            <ul style={{ margin: 0, paddingLeft: 16 }} aria-label="Problems in the framework file">
              {checked.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <li key={i}>
                  <Text variant="small">{`${p.row > 0 ? `Row ${p.row}, ` : ""}${p.column}: ${p.message}`}</Text>
                </li>
              ))}
            </ul>
            {checked.problems.length > SHOWN_PROBLEMS && <Text variant="small">{`… and ${checked.problems.length - SHOWN_PROBLEMS} more.`}</Text>}
          </>
        )}
        {checked?.ok && !added && (
          <Text role="status">{`${checked.framework.shortName}: ${checked.framework.requirements.length} requirements, ${assessable} assessable. ${checked.notes.join(" ")}`}</Text>
        )}
        {added && <MessageBar messageBarType={MessageBarType.success}>{added}</MessageBar>}
        <PrimaryButton text="Add framework from file" onClick={add} disabled={runner.busy || !checked?.ok || !!added} />
      </Stack>
    </section>
  );
}
