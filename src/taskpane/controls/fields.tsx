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

export interface SelectFieldProps<K extends string | number> {
  label: string;
  options: readonly Choice<K>[];
  selected: K;
  onChange(key: K): void;
}

export function SelectField<K extends string | number>({ label, options, selected, onChange }: SelectFieldProps<K>) {
  const id = React.useId();
  return (
    <div>
      <label htmlFor={id} className="ismp-label">
        {label}
      </label>
      <select
        id={id}
        className="ismp-select"
        value={String(selected)}
        onChange={(event) => {
          const chosen = options.find((option) => String(option.key) === event.target.value);
          if (chosen) onChange(chosen.key);
        }}
      >
        {options.map((option) => (
          <option key={option.key} value={String(option.key)}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface RadioGroupFieldProps<K extends string> {
  label: string;
  options: readonly Choice<K>[];
  selected: K;
  onChange(key: K): void;
}

export function RadioGroupField<K extends string>({ label, options, selected, onChange }: RadioGroupFieldProps<K>) {
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
  const id = React.useId();
  return (
    <div>
      <label htmlFor={id} className="ismp-label">
        {label}
      </label>
      <input id={id} type="text" className="ismp-input" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
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
