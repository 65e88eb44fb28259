"use client";

import { useId, type ReactNode, type Ref } from "react";
import { ChoiceGroupFrame, ChoiceOptionRow, choiceIds, type ChoiceOption } from "./choice-group";
import { useFocusHandle, type FocusHandle } from "./focus-handle";

export type { ChoiceOption };

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
  const ids = choiceIds(uid, hint, error);
  const toggle = (option: string, checked: boolean) =>
    onChange(checked ? [...value.filter((v) => v !== option), option] : value.filter((v) => v !== option));
  const choices = options.map((o) => (
    <ChoiceOptionRow key={o.value} hint={o.hint} hintId={ids.optionHint(o.value)}>
      <input
        type="checkbox"
        name={name ?? uid}
        value={o.value}
        checked={value.includes(o.value)}
        disabled={o.disabled}
        onChange={(event) => toggle(o.value, event.target.checked)}
        onBlur={onBlur}
        aria-describedby={o.hint ? ids.optionHint(o.value) : undefined}
      />
      {o.label}
    </ChoiceOptionRow>
  ));
  return (
    <ChoiceGroupFrame role="group" uid={uid} rootRef={root} label={label} hint={hint} error={error} required={required} boxed={boxed}>
      {optionsClassName ? <div className={optionsClassName}>{choices}</div> : choices}
    </ChoiceGroupFrame>
  );
}
