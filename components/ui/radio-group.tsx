"use client";

import { useId, type ReactNode, type Ref } from "react";
import { Label, Radio, RadioGroup as RacRadioGroup, Text } from "react-aria-components";
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
 * part of the option's name, so "Approve" stays "Approve" for screen readers and tests).
 */
export function RadioGroup({ label, options, value, onChange, onBlur, name, ref, hint, error, required, boxed, testId }: RadioGroupProps) {
  const uid = useId();
  const root = useFocusHandle<HTMLDivElement>(ref, "input:checked, input");
  return (
    <RacRadioGroup
      ref={root}
      className={boxed ? "field field-box" : "field"}
      name={name}
      value={value || null}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={Boolean(error)}
      isRequired={required}
      data-testid={testId}
    >
      <Label>
        {label}
        {required ? <RequiredMarker /> : null}
      </Label>
      {hint ? (
        <Text slot="description" className="hint">
          {hint}
        </Text>
      ) : null}
      {options.map((o) => (
        <div key={o.value}>
          <Radio className="checkbox" value={o.value} isDisabled={o.disabled} aria-describedby={o.hint ? `${uid}-${o.value}-hint` : undefined}>
            {({ isSelected }) => (
              <>
                <span className="ui-checkbox-box ui-radio-box" aria-hidden="true" data-selected={isSelected || undefined} />
                {o.label}
              </>
            )}
          </Radio>
          {o.hint ? (
            <span className="hint small muted option-hint" id={`${uid}-${o.value}-hint`}>
              {o.hint}
            </span>
          ) : null}
        </div>
      ))}
      {error ? (
        <Text slot="errorMessage" className="field-error">
          {error}
        </Text>
      ) : null}
    </RacRadioGroup>
  );
}
