"use client";

import type { ReactNode, Ref, TextareaHTMLAttributes } from "react";
import { Field } from "./field";

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "children"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
  ref?: Ref<HTMLTextAreaElement>;
  fieldClassName?: string;
}

/** A labelled multi-line text; spread `form.field(name)` on it. */
export function TextArea({ label, hint, error, required, id, fieldClassName, rows = 4, ...textarea }: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id} className={fieldClassName}>
      {(control) => <textarea rows={rows} {...textarea} {...control} />}
    </Field>
  );
}
