/**
 * Import and export: pick a file, see how its columns and values are read and every problem by
 * row and column, change what needs changing, and only then write. Nothing is written without
 * the Import click.
 */
import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Checkbox } from "@fluentui/react/lib/Checkbox";
import { ChoiceGroup } from "@fluentui/react/lib/ChoiceGroup";
import { Dropdown, type IDropdownOption } from "@fluentui/react/lib/Dropdown";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { CellValue } from "../../core/blueprint/types";
import { csvFileText, GENERIC_PROFILE_KEY, ImportMode, mappingToSave, profileByKey, PROFILES, templateHeaders } from "../../core/import";
import { registerByTable, REGISTERS } from "../../core/registers";
import { defaultScales } from "../../core/scales";
import type { ImportResult } from "../../excel/importRegister";
import { usePane } from "../paneContext";
import { downloadText, PickedSource, readPickedFile } from "../importFile";
import { SuggestionsPanel } from "./SuggestionsPanel";

const NOT_IMPORTED = "";
const SHOWN_PROBLEMS = 30;

const registerOptions: IDropdownOption[] = REGISTERS.map((r) => ({ key: r.table, text: `${r.sheet.name} (${r.table})` }));
const layoutOptions: IDropdownOption[] = [
  { key: GENERIC_PROFILE_KEY, text: "Match by column headers" },
  ...PROFILES.map((p) => ({ key: p.key, text: p.name })),
];
const MODES: Array<{ key: ImportMode; text: string }> = [
  { key: "add", text: "Stop: list them as problems" },
  { key: "skip", text: "Skip them" },
  { key: "update", text: "Update their imported columns" },
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function ImportView() {
  const { host, runner } = usePane();
  const [register, setRegister] = React.useState("Risks");
  const [layout, setLayout] = React.useState(GENERIC_PROFILE_KEY);
  const [mode, setMode] = React.useState<ImportMode>("add");
  const [source, setSource] = React.useState<PickedSource>();
  const [picked, setPicked] = React.useState<File>();
  const [fileError, setFileError] = React.useState<string>();
  const [columns, setColumns] = React.useState<Record<string, string | null>>({});
  const [values, setValues] = React.useState<Record<string, Record<string, CellValue>>>({});
  const [skipInvalid, setSkipInvalid] = React.useState(false);
  const [result, setResult] = React.useState<ImportResult>();
  const [written, setWritten] = React.useState<string>();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const profile = layout === GENERIC_PROFILE_KEY ? undefined : profileByKey(layout);

  const request = React.useCallback(
    (apply: boolean) => ({ register, sourceName: source!.name, grid: source!.grid, choices: { profile, mode, columns, values }, apply, skipInvalid }),
    [register, source, profile, mode, columns, values, skipInvalid],
  );

  // The preview follows every choice; it reads the workbook and writes nothing.
  React.useEffect(() => {
    if (!source) return;
    let current = true;
    void runner.run("Reading the file", () => host.importRows(request(false))).then((found) => current && found && setResult(found));
    return () => {
      current = false;
    };
  }, [source, request, host, runner.run]);

  const pick = async (file: File | undefined, sheet?: string) => {
    if (!file) return;
    setPicked(file);
    setFileError(undefined);
    setWritten(undefined);
    setColumns({});
    setValues({});
    try {
      setSource(await readPickedFile(file, sheet));
    } catch (error) {
      setSource(undefined);
      setResult(undefined);
      setFileError((error as Error).message);
    }
  };

  const runImport = async () => {
    const done = await runner.run("Importing rows", () => host.importRows(request(true)));
    if (!done?.written) return;
    setWritten(`Added ${plural(done.written.added, "row")} and updated ${plural(done.written.updated, "row")} in ${register}.`);
    setResult(done);
  };

  const exportCsv = async (template: boolean) => {
    if (template) {
      downloadText(`${register}-template.csv`, csvFileText(templateOf(register), []), "text/csv");
      return;
    }
    const table = await runner.run("Exporting", () => host.exportRegister(register, layout));
    if (!table) return;
    downloadText(`${register}.csv`, csvFileText(table.headers, table.rows), "text/csv");
  };

  const preview = result?.prepared.preview;
  const targetOptions: IDropdownOption[] = [
    { key: NOT_IMPORTED, text: "(not imported)" },
    ...(result?.prepared.fields ?? []).filter((f) => !f.formula).map((f) => ({ key: f.header, text: f.header })),
  ];
  const rowsToWrite = (preview?.adds.length ?? 0) + (preview?.updates.length ?? 0);
  const blocked = (preview?.rejected.length ?? 0) > 0 && !skipInvalid;

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text>Bring rows from another tool or spreadsheet into a register. You see how every column and value is read before anything is written.</Text>
      <Dropdown label="Register" options={registerOptions} selectedKey={register} onChange={(_, o) => o && setRegister(String(o.key))} />
      <Dropdown
        label="File layout"
        options={layoutOptions}
        selectedKey={layout}
        onChange={(_, o) => {
          if (!o) return;
          setLayout(String(o.key));
          const chosen = profileByKey(String(o.key));
          if (chosen) setRegister(chosen.register);
        }}
      />
      <ChoiceGroup label="Rows whose ID the register already has" options={MODES} selectedKey={mode} onChange={(_, o) => o && setMode(o.key as ImportMode)} />
      <input ref={fileInput} type="file" accept=".csv,.txt,.tsv,.xlsx,.xlsm" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void pick(e.target.files?.[0])} />
      <DefaultButton text={source ? `File: ${source.name}` : "Choose a CSV or Excel file…"} onClick={() => fileInput.current?.click()} disabled={runner.busy} />
      {source?.sheets && source.sheets.length > 1 && (
        <Dropdown
          label="Worksheet"
          options={source.sheets.map((name) => ({ key: name, text: name }))}
          selectedKey={source.sheet}
          onChange={(_, o) => o && void pick(picked, String(o.key))}
          disabled={runner.busy}
        />
      )}
      {fileError && <MessageBar messageBarType={MessageBarType.error}>{fileError}</MessageBar>}
      {written && <MessageBar messageBarType={MessageBarType.success}>{written}</MessageBar>}

      {preview && source && (
        <section aria-label="Import preview">
          <Stack tokens={{ childrenGap: 10 }}>
            <Text as="h3" variant="mediumPlus">
              Preview
            </Text>
            <Text role="status">
              {`${plural(preview.adds.length, "row")} to add, ${preview.updates.length} to update, ${preview.skipped.length} skipped, ${preview.rejected.length} with errors.`}
              {` Header on row ${result!.prepared.source.headerRowNumber}; dates read ${result!.prepared.dateOrder === "dmy" ? "day first" : "month first"}.`}
            </Text>
            <Text as="h4" variant="medium">
              Columns
            </Text>
            {result!.prepared.matches
              .filter((m) => m.source)
              .map((m) => (
                <Dropdown
                  key={`${m.index}-${m.source}`}
                  label={`${m.source}${m.how && m.target ? ` (${m.how})` : ""}`}
                  options={targetOptions}
                  selectedKey={m.target ?? NOT_IMPORTED}
                  onChange={(_, o) => o && setColumns((c) => ({ ...c, [m.source]: o.key === NOT_IMPORTED ? null : String(o.key) }))}
                />
              ))}
            {preview.unknownValues.length > 0 && (
              <>
                <Text as="h4" variant="medium">
                  Values to map
                </Text>
                {preview.unknownValues.flatMap((u) =>
                  u.values.map((v) => (
                    <Dropdown
                      key={`${u.field}-${v.value}`}
                      label={`${u.field}: "${v.value}" (${plural(v.count, "row")})`}
                      placeholder="Choose the value it means"
                      options={u.allowed.map((a) => ({ key: a, text: a }))}
                      selectedKey={values[u.field]?.[v.value] !== undefined ? String(values[u.field][v.value]) : null}
                      onChange={(_, o) => o && setValues((all) => ({ ...all, [u.field]: { ...all[u.field], [v.value]: String(o.key) } }))}
                    />
                  )),
                )}
              </>
            )}
            {preview.readings.length > 0 && (
              <>
                <Text as="h4" variant="medium">
                  Values read as
                </Text>
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {preview.readings.map((r) => (
                    <li key={`${r.field}-${r.from}`}>
                      <Text variant="small">{`${r.field}: ${r.how}${r.count > 1 ? ` (${r.count} rows)` : ""}`}</Text>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {preview.problems.length > 0 && (
              <>
                <Text as="h4" variant="medium">
                  {`Problems (${preview.problems.length})`}
                </Text>
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {preview.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                    <li key={i}>
                      <Text variant="small">{`${p.severity === "error" ? "Error" : "Warning"}: ${p.message}`}</Text>
                    </li>
                  ))}
                </ul>
                {preview.problems.length > SHOWN_PROBLEMS && <Text variant="small">{`… and ${preview.problems.length - SHOWN_PROBLEMS} more.`}</Text>}
              </>
            )}
            {preview.rejected.length > 0 && (
              <Checkbox label={`Leave out the ${plural(preview.rejected.length, "row")} with errors and import the rest`} checked={skipInvalid} onChange={(_, c) => setSkipInvalid(!!c)} />
            )}
            <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
              <PrimaryButton text={`Import ${plural(rowsToWrite, "row")}`} onClick={runImport} disabled={runner.busy || blocked || rowsToWrite === 0} />
              <DefaultButton
                text="Save mapping"
                onClick={() =>
                  downloadText(`${register}-mapping.json`, JSON.stringify(mappingToSave(register, result!.prepared.matches, values, result!.prepared.dateOrder, profile?.key), null, 2), "application/json")
                }
              />
            </Stack>
          </Stack>
        </section>
      )}

      <section aria-label="Export">
        <Stack tokens={{ childrenGap: 8 }}>
          <Text as="h3" variant="mediumPlus">
            Export
          </Text>
          <Text variant="small">Downloads the register above as CSV, in the file layout chosen above; importing it back with "Update" gives the same rows.</Text>
          <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
            <DefaultButton text="Download CSV" onClick={() => void exportCsv(false)} disabled={runner.busy} />
            <DefaultButton text="Download empty template" onClick={() => void exportCsv(true)} disabled={runner.busy} />
          </Stack>
        </Stack>
      </section>
      <SuggestionsPanel />
    </Stack>
  );
}

/** Input columns of a register: an empty template leaves the calculated ones out. */
function templateOf(table: string): string[] {
  const register = registerByTable(table);
  return register ? templateHeaders(register.fields({ scales: defaultScales(), frameworks: [] })) : [];
}
