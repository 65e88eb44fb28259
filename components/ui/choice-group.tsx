"use client";

import type { ReactNode, Ref } from "react";
import { RequiredMarker } from "./field";

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

/** The ids a choice group wires: its label, hint, error and each option's hint. */
export function choiceIds(uid: string, hint: unknown, error: unknown) {
  return {
    label: `${uid}-label`,
    hint: `${uid}-hint`,
    error: `${uid}-error`,
    optionHint: (value: string) => `${uid}-${value}-hint`,
    describedBy: [hint ? `${uid}-hint` : null, error ? `${uid}-error` : null].filter(Boolean).join(" ") || undefined,
  };
}

/**
 * The frame of a group of native choices (radios or checkboxes): a role the screen reader names by the
 * label, the hint and the error describing it, and each option with its own hint below it.
 */
export function ChoiceGroupFrame({
  role,
  uid,
  rootRef,
  label,
  hint,
  error,
  required,
  boxed,
  testId,
  ariaInvalid,
  children,
}: {
  role: "group" | "radiogroup";
  uid: string;
  rootRef: Ref<HTMLDivElement>;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  boxed?: boolean;
  testId?: string;
  /** aria-invalid and aria-required (supported by radiogroup, not by group). */
  ariaInvalid?: boolean;
  children: ReactNode;
}) {
  const ids = choiceIds(uid, hint, error);
  return (
    <div
      ref={rootRef}
      role={role}
      className={boxed ? "field field-box" : "field"}
      aria-labelledby={ids.label}
      aria-describedby={ids.describedBy}
      aria-invalid={ariaInvalid && error ? true : undefined}
      aria-required={ariaInvalid && required ? true : undefined}
      data-testid={testId}
    >
      <span className="field-label" id={ids.label}>
        {label}
        {required ? <RequiredMarker /> : null}
      </span>
      {hint ? (
        <span className="hint" id={ids.hint}>
          {hint}
        </span>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={ids.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** One native choice with its label, and its hint below it (describing it, not part of its name). */
export function ChoiceOptionRow({ hintId, hint, children }: { hintId: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label className="checkbox">{children}</label>
      {hint ? (
        <span className="hint small muted option-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
