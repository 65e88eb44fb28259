"use client";

import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { Field } from "./field";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "children"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
  ref?: Ref<HTMLInputElement>;
  fieldClassName?: string;
}

/** A labelled text input; spread `form.field(name)` (or register(name) and error) on it. */
export function TextField({ label, hint, error, required, id, fieldClassName, type = "text", ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id} className={fieldClassName}>
      {(control) => <input type={type} {...input} {...control} />}
    </Field>
  );
}

/** A money amount typed as text (decimal keypad, no spinner); the schema parses it. */
export function MoneyField(props: Omit<TextFieldProps, "type" | "inputMode">) {
  return <TextField {...props} type="text" inputMode="decimal" autoComplete="off" />;
}
