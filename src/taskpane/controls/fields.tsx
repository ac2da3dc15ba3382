/**
 * The first view's form controls as native elements (check box, list, radio buttons, text box, the
 * primary action), styled by controls/styles.ts from the Fluent theme. Native controls bring their
 * own keyboard handling and accessible roles, names and states; the Fluent versions cost most of
 * Set up's first render (issue #10). Later views keep Fluent UI.
 */
import * as React from "react";

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}

export function CheckboxField({ label, checked, disabled, onChange }: CheckboxFieldProps) {
  return (
    <label className={disabled ? "ismp-check is-disabled" : "ismp-check"}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export interface Choice<K extends string | number> {
  key: K;
  text: string;
}

/** A one-of-several choice: the list (SelectField) and the radio buttons (RadioGroupField). */
export interface ChoiceFieldProps<K extends string | number> {
  label: string;
  options: readonly Choice<K>[];
  selected: K;
  onChange(key: K): void;
}

/** A field's label above its control, linked by id. */
function LabelledField({ label, control }: { label: string; control(id: string): React.ReactNode }) {
  const id = React.useId();
  return (
    <div>
      <label htmlFor={id} className="ismp-label">
        {label}
      </label>
      {control(id)}
    </div>
  );
}

export function SelectField<K extends string | number>({ label, options, selected, onChange }: ChoiceFieldProps<K>) {
  const choose = (value: string) => {
    const chosen = options.find((option) => String(option.key) === value);
    if (chosen) onChange(chosen.key);
  };
  return (
    <LabelledField
      label={label}
      control={(id) => (
        <select id={id} className="ismp-select" value={String(selected)} onChange={(event) => choose(event.target.value)}>
          {options.map((option) => (
            <option key={option.key} value={String(option.key)}>
              {option.text}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function RadioGroupField<K extends string>({ label, options, selected, onChange }: ChoiceFieldProps<K>) {
  const name = React.useId();
  return (
    <fieldset className="ismp-fieldset">
      <legend>{label}</legend>
      <div className="ismp-stack" style={{ gap: 8 }}>
        {options.map((option) => (
          <label key={option.key} className="ismp-radio">
            <input type="radio" name={name} value={option.key} checked={option.key === selected} onChange={() => onChange(option.key)} />
            <span>{option.text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface TextInputFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
}

export function TextInputField({ label, value, onChange }: TextInputFieldProps) {
  return (
    <LabelledField
      label={label}
      control={(id) => <input id={id} type="text" className="ismp-input" value={value} onChange={(event) => onChange(event.target.value)} />}
    />
  );
}

export interface PrimaryActionProps {
  text: string;
  /** Read after the name by screen readers. */
  description?: string;
  disabled?: boolean;
  onClick(): void;
}

export function PrimaryAction({ text, description, disabled, onClick }: PrimaryActionProps) {
  const id = React.useId();
  return (
    <>
      <button type="button" className="ismp-primary" disabled={disabled} onClick={onClick} aria-describedby={description ? id : undefined}>
        {text}
      </button>
      {description && (
        <span id={id} className="ismp-visually-hidden">
          {description}
        </span>
      )}
    </>
  );
}

/** A blocking notice that looks like Fluent's MessageBar ("blocked"), for the first render (no Fluent). */
export function BlockedNotice({ children }: { children: React.ReactNode }) {
  return (
    <div className="ismp-notice" role="alert">
      <span>{children}</span>
    </div>
  );
}
