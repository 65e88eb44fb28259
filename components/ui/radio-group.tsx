"use client";

import { useId, type ReactNode, type Ref } from "react";
import { ChoiceGroupFrame, ChoiceOptionRow, choiceIds, type ChoiceOption } from "./choice-group";
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
  const ids = choiceIds(uid, hint, error);
  return (
    <ChoiceGroupFrame role="radiogroup" ariaInvalid uid={uid} rootRef={root} label={label} hint={hint} error={error} required={required} boxed={boxed} testId={testId}>
      {options.map((o) => (
        <ChoiceOptionRow key={o.value} hint={o.hint} hintId={ids.optionHint(o.value)}>
          <input
            type="radio"
            name={name ?? uid}
            value={o.value}
            checked={value === o.value}
            disabled={o.disabled}
            onChange={() => onChange(o.value)}
            onBlur={onBlur}
            aria-describedby={o.hint ? ids.optionHint(o.value) : undefined}
          />
          {o.label}
        </ChoiceOptionRow>
      ))}
    </ChoiceGroupFrame>
  );
}
