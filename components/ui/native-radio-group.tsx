"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import type { ChoiceOption } from "./choice-group";
import { FieldError, fieldIds, RequiredMarker } from "./field";

export interface NativeRadioGroupProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "value" | "children"> {
  label: ReactNode;
  options: readonly ChoiceOption[];
  hint?: ReactNode;
  error?: string;
  /** The options side by side (a short scale such as 1 to 5) instead of one under another. */
  horizontal?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/**
 * The browser's own radios in a fieldset (a group named by its legend), for forms driven by register():
 * spread `form.field(name)` on it. Works before hydration and with Playwright's check(). The option's
 * hint describes it and is not part of its name. For a styled group with a Controller use RadioGroup.
 */
export function NativeRadioGroup({ label, options, hint, error, required, horizontal, ref, ...input }: NativeRadioGroupProps) {
  const uid = useId();
  const { hintId, errorId, describedBy } = fieldIds(uid, hint, error);
  const choices = options.map((o) => {
    const id = `${uid}-${o.value || "none"}`;
    const radio = (
      <div className="checkbox" key={o.hint ? undefined : o.value}>
        <input
          {...input}
          ref={ref}
          id={id}
          type="radio"
          value={o.value}
          disabled={o.disabled}
          aria-describedby={o.hint ? `${id}-hint` : undefined}
        />
        <label htmlFor={id}>{o.label}</label>
      </div>
    );
    return o.hint ? (
      <div key={o.value}>
        {radio}
        <span className="hint small muted" id={`${id}-hint`}>
          {o.hint}
        </span>
      </div>
    ) : (
      radio
    );
  });
  return (
    <fieldset className="field" aria-describedby={describedBy}>
      <legend>
        {label}
        {required ? <RequiredMarker /> : null}
      </legend>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {horizontal ? <div className="row">{choices}</div> : choices}
      <FieldError id={errorId}>{error}</FieldError>
    </fieldset>
  );
}
