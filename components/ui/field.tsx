"use client";

import { useId, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";

/** What a control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
  "aria-required": true | undefined;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** The control's id (default: generated). */
  id?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** The marker after a required field's label: seen, not read (the control says aria-required). */
export function RequiredMarker() {
  const { t } = useI18n();
  return (
    <span className="required-marker" aria-hidden="true" title={t("ui.required")}>
      *
    </span>
  );
}

/** The ids of a field's hint and error, and the describedby list built from those shown. */
export function fieldIds(id: string, hint: unknown, error: unknown) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { hintId, errorId, describedBy };
}

/** The message under a field (rendered only when there is one). */
export function FieldError({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <p className="field-error" id={id}>
      {children}
    </p>
  ) : null;
}

/**
 * Label, hint and error around one control, with the ids wired: the control is labelled by the label,
 * described by the hint and the error, invalid while there is an error, and says when it is required.
 */
export function Field({ label, hint, error, required, id: givenId, className, children }: FieldProps) {
  const generated = useId();
  const id = givenId ?? generated;
  const { hintId, errorId, describedBy } = fieldIds(id, hint, error);
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMarker /> : null}
      </label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined, "aria-required": required ? true : undefined })}
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}
