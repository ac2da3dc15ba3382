/**
 * The record form: add a record to any register, or edit the row selected in the sheet. Every field
 * comes from the register's declaration (drop-downs, dates, required marks, input messages, what is
 * allowed); calculated columns are shown, never written. Saving writes one row in one sync.
 */
import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Dropdown, type IDropdownOption } from "@fluentui/react/lib/Dropdown";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { TextField } from "@fluentui/react/lib/TextField";
import { changedHeaders, FieldMessage, FormField, FormInputs, validateRecord } from "../../core/recordForm";
import { REGISTERS } from "../../core/registers";
import type { OpenedRecordForm, SavedRecord } from "../../excel/recordForm";
import { usePane } from "../paneContext";

const BLANK = "";
const fieldId = (header: string) => `record-field-${header.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}`;

/** The native date and date-time inputs hold "2026-11-23" and "2026-11-23T14:30"; the form's text uses a space. */
const toInput = (field: FormField, text: string) => (field.control === "dateTime" ? text.replace(" ", "T") : text);
const fromInput = (field: FormField, text: string) => (field.control === "dateTime" ? text.replace("T", " ") : text);

interface FieldProps {
  field: FormField;
  value: string;
  message?: FieldMessage;
  onChange(value: string): void;
}

function ChoiceField({ field, value, message, onChange }: FieldProps) {
  const options: IDropdownOption[] = [...(field.required ? [] : [{ key: BLANK, text: "(blank)" }]), ...(field.options ?? [])];
  if (value && !options.some((o) => String(o.key).toLowerCase() === value.toLowerCase())) options.push({ key: value, text: `${value} (not in the list)` });
  const selected = options.find((o) => String(o.key).toLowerCase() === value.toLowerCase())?.key ?? (value === "" && !field.required ? BLANK : undefined);
  const helpId = `${fieldId(field.header)}-help`;
  return (
    <div>
    <Dropdown
      id={fieldId(field.header)}
      label={field.label}
      required={field.required}
      options={options}
      selectedKey={selected ?? null}
      placeholder="Choose…"
      onChange={(_e, option) => option && onChange(String(option.key))}
      errorMessage={message?.severity === "error" ? message.message : undefined}
      aria-describedby={field.help ? helpId : undefined}
    />
      {field.help && (
        <Text id={helpId} variant="small" block styles={{ root: { marginTop: 4 } }}>
          {field.help}
        </Text>
      )}
    </div>
  );
}

function InputField({ field, value, message, onChange }: FieldProps) {
  const type = field.control === "date" ? "date" : field.control === "dateTime" ? "datetime-local" : "text";
  const description = [field.help, field.control === "ids" ? field.allowed : undefined].filter(Boolean).join(" ");
  return (
    <TextField
      id={fieldId(field.header)}
      label={field.label}
      required={field.required}
      type={type}
      value={toInput(field, value)}
      multiline={field.control === "longText"}
      autoAdjustHeight={field.control === "longText"}
      rows={field.control === "longText" ? 2 : undefined}
      inputMode={field.control === "number" || field.control === "percent" ? "decimal" : undefined}
      placeholder={field.control === "percent" ? "e.g. 95%" : undefined}
      description={description || undefined}
      onChange={(_e, text) => onChange(fromInput(field, text ?? ""))}
      errorMessage={message?.severity === "error" ? message.message : undefined}
    />
  );
}

function ReadOnlyField({ field, value }: { field: FormField; value: string }) {
  return <TextField id={fieldId(field.header)} label={`${field.label} (calculated)`} value={value} readOnly borderless description="Calculated by the workbook; not written by the form." />;
}

export function RecordFormView({ active }: { active: boolean }) {
  const { host, runner } = usePane();
  const [opened, setOpened] = React.useState<OpenedRecordForm>();
  const [inputs, setInputs] = React.useState<FormInputs>({});
  const [messages, setMessages] = React.useState<FieldMessage[]>([]);
  const [saved, setSaved] = React.useState<{ record: SavedRecord; warnings: FieldMessage[]; noun: string }>();
  const [table, setTable] = React.useState<string>();
  const [notice, setNotice] = React.useState<string>();
  const tried = React.useRef(false);

  const show = (form: OpenedRecordForm) => {
    setOpened(form);
    setInputs(form.inputs);
    setMessages([]);
    setTable(form.form.table);
    setNotice(undefined);
  };

  const open = React.useCallback(
    async (mode: "add" | "edit", chosen?: string) => {
      const form = await runner.run(mode === "add" ? "Opening the form" : "Reading the selected row", () => host.openRecordForm({ mode, table: chosen }));
      if (form) show(form);
    },
    [host, runner.run],
  );

  // The first visit opens a new record of the register at the selection, quietly: a workbook without
  // registers gets a hint here rather than an error bar.
  React.useEffect(() => {
    if (!active || opened || tried.current) return;
    tried.current = true;
    host.openRecordForm({ mode: "add" }).then(show, (error: Error) => setNotice(error.message));
  }, [active, opened, host]);

  const registers = opened?.registers ?? REGISTERS.map((r) => ({ table: r.table, sheet: r.sheet.name, noun: r.noun }));
  const registerOptions: IDropdownOption[] = registers.map((r) => ({ key: r.table, text: r.sheet }));
  const noun = opened?.form.register.noun ?? "record";

  const submit = async (event?: React.FormEvent) => {
    event?.preventDefault();
    if (!opened) return;
    const checked = validateRecord(opened.form, inputs, opened.facts);
    setMessages(checked.messages);
    if (!checked.ok) {
      const first = checked.messages.find((m) => m.severity === "error");
      if (first) document.getElementById(fieldId(first.header))?.focus();
      return;
    }
    const headers = opened.mode === "edit" ? changedHeaders(opened.form, opened.inputs, inputs) : Object.keys(checked.values);
    if (headers.length === 0) {
      setMessages([{ header: opened.form.keyColumn, severity: "warning", message: "Nothing changed: there is nothing to save." }]);
      return;
    }
    const values = Object.fromEntries(headers.map((h) => [h, checked.values[h]]));
    const { form, target } = opened;
    const record = await runner.run("Saving", () => host.saveRecord({ table: form.table, headers: form.headers, keyColumn: form.keyColumn, keyColumns: form.keyColumns, target, values }));
    if (!record) return;
    setSaved({ record, warnings: checked.messages.filter((m) => m.severity === "warning" && headers.includes(m.header)), noun: form.register.noun });
    // Start again from what the workbook now holds: a fresh new record, or the edited row re-read.
    await open(opened.mode, form.table);
  };

  const messageOf = (header: string) => messages.find((m) => m.header === header);
  const errors = messages.filter((m) => m.severity === "error");
  const title = opened ? (opened.mode === "add" ? `New ${noun}` : `Edit ${noun} ${opened.inputs[opened.form.keyColumn] || ""} (row ${opened.sheetRow} of ${opened.sheet})`) : "";

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text>Add a record to a register, or edit the row selected in the sheet. Only that one row is written.</Text>
      <Dropdown label="Register" options={registerOptions} selectedKey={table ?? null} placeholder="Choose a register" onChange={(_e, o) => o && void open("add", String(o.key))} disabled={runner.busy} />
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <DefaultButton text="New record" onClick={() => void open("add", table)} disabled={runner.busy} />
        <DefaultButton text="Edit selected row" onClick={() => void open("edit")} disabled={runner.busy} />
      </Stack>
      {notice && !opened && <MessageBar messageBarType={MessageBarType.info} isMultiline>{notice}</MessageBar>}
      {saved && (
        <MessageBar messageBarType={saved.warnings.length ? MessageBarType.warning : MessageBarType.success} isMultiline onDismiss={() => setSaved(undefined)} dismissButtonAriaLabel="Dismiss">
          <span>
            {saved.record.added ? "Added" : "Saved"} {saved.noun} {saved.record.id} at {saved.record.address} ({saved.record.syncs} sync{saved.record.syncs === 1 ? "" : "s"}).
          </span>
          {saved.warnings.map((w) => (
            <Text block key={w.header} styles={{ root: { color: "inherit" } }}>
              {w.message}
            </Text>
          ))}
        </MessageBar>
      )}
      {opened && (
        <form aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
          <Stack tokens={{ childrenGap: 10 }}>
            <Text as="h3" variant="mediumPlus" styles={{ root: { margin: 0, fontWeight: 600 } }}>
              {title}
            </Text>
            <Text variant="small">Fields marked * are required. Calculated fields are filled in by the workbook.</Text>
            {errors.length > 0 && (
              <MessageBar messageBarType={MessageBarType.error} isMultiline>
                <Text block styles={{ root: { color: "inherit", fontWeight: 600 } }}>
                  {errors.length === 1 ? "1 field needs" : `${errors.length} fields need`} attention before saving:
                </Text>
                <ul style={{ margin: "4px 0 0", paddingLeft: 18 }}>
                  {errors.map((m) => (
                    <li key={m.header}>{m.message}</li>
                  ))}
                </ul>
              </MessageBar>
            )}
            {messages
              .filter((m) => m.severity === "warning")
              .map((m) => (
                <MessageBar key={`warning-${m.header}`} messageBarType={MessageBarType.warning} isMultiline>
                  {m.message}
                </MessageBar>
              ))}
            {opened.form.fields.map((field) => {
              const value = inputs[field.header] ?? "";
              const onChange = (text: string) => setInputs((current) => ({ ...current, [field.header]: text }));
              if (field.readOnly) return <ReadOnlyField key={field.header} field={field} value={value} />;
              if (field.control === "choice") return <ChoiceField key={field.header} field={field} value={value} message={messageOf(field.header)} onChange={onChange} />;
              return <InputField key={field.header} field={field} value={value} message={messageOf(field.header)} onChange={onChange} />;
            })}
            <Stack horizontal tokens={{ childrenGap: 8 }}>
              <PrimaryButton type="submit" text={opened.mode === "add" ? `Add ${noun}` : "Save changes"} disabled={runner.busy} />
              <DefaultButton
                text="Reset"
                onClick={() => {
                  setInputs(opened.inputs);
                  setMessages([]);
                }}
                disabled={runner.busy}
              />
            </Stack>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
