"use client";

import type { ReactNode, Ref, SelectHTMLAttributes } from "react";
import { Field } from "./field";

export interface Option {
  value: string;
  label: string;
  /** Shown but not choosable (e.g. a program without a rubric). */
  disabled?: boolean;
}

export interface NativeSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "children"> {
  label: ReactNode;
  options: readonly Option[];
  hint?: ReactNode;
  error?: string;
  id?: string;
  ref?: Ref<HTMLSelectElement>;
}

/**
 * The browser's own <select>, for short fixed lists in forms driven by register() (works before
 * hydration and with Playwright's selectOption). For searchable or styled lists use Select / ComboBox.
 */
export function NativeSelect({ label, options, hint, error, required, id, ...select }: NativeSelectProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id}>
      {(control) => (
        <select {...select} {...control}>
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
