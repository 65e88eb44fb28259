"use client";

import { useId, type ReactNode, type Ref } from "react";
import { Checkbox as RacCheckbox, CheckboxGroup as RacCheckboxGroup, Label, Text } from "react-aria-components";
import { RequiredMarker } from "./field";
import { useFocusHandle, type FocusHandle } from "./focus-handle";

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

function Box({ radio, selected }: { radio?: boolean; selected: boolean }) {
  return (
    <span className={radio ? "ui-checkbox-box ui-radio-box" : "ui-checkbox-box"} aria-hidden="true">
      {!radio && selected ? "✓" : null}
    </span>
  );
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

/** One yes/no choice (e.g. a consent) with its label, and its error below it (describing the box). */
export function Checkbox({ children, value, onChange, onBlur, name, ref, error, disabled }: CheckboxProps) {
  const errorId = useId();
  // Focusing the label would do nothing: a server error on the box focuses the box itself.
  const root = useFocusHandle<HTMLLabelElement>(ref, "input");
  return (
    <div>
      <RacCheckbox
        ref={root}
        className="checkbox"
        name={name}
        isSelected={value}
        onChange={onChange}
        onBlur={onBlur}
        isInvalid={Boolean(error)}
        isDisabled={disabled}
        aria-describedby={error ? errorId : undefined}
      >
        {({ isSelected }) => (
          <>
            <Box selected={isSelected} />
            {children}
          </>
        )}
      </RacCheckbox>
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
}

/** Several choices from a short list, under one label (a group the screen reader names). */
export function CheckboxGroup({ label, options, value, onChange, onBlur, name, ref, hint, error, required, boxed }: CheckboxGroupProps) {
  const root = useFocusHandle<HTMLDivElement>(ref, "input");
  return (
    <RacCheckboxGroup ref={root} className={boxed ? "field field-box" : "field"} name={name} value={value} onChange={onChange} onBlur={onBlur} isInvalid={Boolean(error)} isRequired={required}>
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
          <RacCheckbox className="checkbox" value={o.value} isDisabled={o.disabled}>
            {({ isSelected }) => (
              <>
                <Box selected={isSelected} />
                {o.label}
              </>
            )}
          </RacCheckbox>
          {o.hint ? <span className="hint small muted option-hint">{o.hint}</span> : null}
        </div>
      ))}
      {error ? (
        <Text slot="errorMessage" className="field-error">
          {error}
        </Text>
      ) : null}
    </RacCheckboxGroup>
  );
}
