"use client";

import { useId, type ReactNode, type Ref } from "react";
import type { ChoiceOption } from "./checkbox";
import { RequiredMarker } from "./field";
import { useFocusHandle, type FocusHandle } from "./focus-handle";

export interface RadioGroupProps {
  label: ReactNode;
  options: readonly ChoiceOption[];
  /** The chosen value ("" for none): `{...field}` from a Controller fits. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string;
  ref?: Ref<FocusHandle>;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Draw the group in a box (as a fieldset.field looks). */
  boxed?: boolean;
  testId?: string;
}

/**
 * One choice from a short list, each option with an optional hint that describes it (the hint is not
 * part of the option's name, so "Approve" stays "Approve" for screen readers and tests). Native radio
 * inputs: they work before the page has hydrated, with the keyboard as every browser does it, and with
 * any tool that checks a radio.
 */
export function RadioGroup({ label, options, value, onChange, onBlur, name, ref, hint, error, required, boxed, testId }: RadioGroupProps) {
  const uid = useId();
  const root = useFocusHandle<HTMLDivElement>(ref, "input:checked, input");
  const describedBy = [hint ? `${uid}-hint` : null, error ? `${uid}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div
      ref={root}
      role="radiogroup"
      className={boxed ? "field field-box" : "field"}
      aria-labelledby={`${uid}-label`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      aria-required={required || undefined}
      data-testid={testId}
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
      {options.map((o) => (
        <div key={o.value}>
          <label className="checkbox">
            <input
              type="radio"
              name={name ?? uid}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
              onChange={() => onChange(o.value)}
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
      ))}
      {error ? (
        <p className="field-error" id={`${uid}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
