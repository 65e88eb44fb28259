"use client";

import { useId, type ReactNode, type Ref } from "react";
import { RequiredMarker } from "./field";
import { useFocusHandle, type FocusHandle } from "./focus-handle";

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

export interface CheckboxProps {
  children: ReactNode;
  /** Checked or not: `{...field}` from a Controller fits. */
  value: boolean;
  onChange: (value: boolean) => void;
  onBlur?: () => void;
  name?: string;
  ref?: Ref<FocusHandle>;
  error?: string;
  disabled?: boolean;
}

/**
 * One yes/no choice (e.g. a consent) with its label, and its error below it (describing the box).
 * Native inputs, as in every choice primitive: they work before hydration, with every browser's
 * keyboard and with any tool that checks a box.
 */
export function Checkbox({ children, value, onChange, onBlur, name, ref, error, disabled }: CheckboxProps) {
  const errorId = useId();
  const root = useFocusHandle<HTMLDivElement>(ref, "input");
  return (
    <div ref={root}>
      <label className="checkbox">
        <input
          type="checkbox"
          name={name}
          checked={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.checked)}
          onBlur={onBlur}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {children}
      </label>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface CheckboxGroupProps {
  label: ReactNode;
  options: readonly ChoiceOption[];
  value: string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  name?: string;
  ref?: Ref<FocusHandle>;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Draw the group in a box (as a fieldset.field looks). */
  boxed?: boolean;
  /** Lay the options out, e.g. "option-grid" for columns of a long list. */
  optionsClassName?: string;
}

/** Several choices from a short list, under one label (a group the screen reader names). */
export function CheckboxGroup({ label, options, value, onChange, onBlur, name, ref, hint, error, required, boxed, optionsClassName }: CheckboxGroupProps) {
  const uid = useId();
  const root = useFocusHandle<HTMLDivElement>(ref, "input");
  const describedBy = [hint ? `${uid}-hint` : null, error ? `${uid}-error` : null].filter(Boolean).join(" ") || undefined;
  const toggle = (option: string, checked: boolean) =>
    onChange(checked ? [...value.filter((v) => v !== option), option] : value.filter((v) => v !== option));
  const choices = options.map((o) => (
    <div key={o.value}>
      <label className="checkbox">
        <input
          type="checkbox"
          name={name ?? uid}
          value={o.value}
          checked={value.includes(o.value)}
          disabled={o.disabled}
          onChange={(event) => toggle(o.value, event.target.checked)}
          onBlur={onBlur}
          aria-describedby={o.hint ? `${uid}-${o.value}-hint` : undefined}
        />
        {o.label}
      </label>
      {o.hint ? (
        <span className="hint small muted option-hint" id={`${uid}-${o.value}-hint`}>
          {o.hint}
        </span>
      ) : null}
    </div>
  ));
  return (
    <div
      ref={root}
      role="group"
      className={boxed ? "field field-box" : "field"}
      aria-labelledby={`${uid}-label`}
      aria-describedby={describedBy}
    >
      <span className="field-label" id={`${uid}-label`}>
        {label}
        {required ? <RequiredMarker /> : null}
      </span>
      {hint ? (
        <span className="hint" id={`${uid}-hint`}>
          {hint}
        </span>
      ) : null}
      {optionsClassName ? <div className={optionsClassName}>{choices}</div> : choices}
      {error ? (
        <p className="field-error" id={`${uid}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
