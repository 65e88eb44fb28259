"use client";

import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/errors";

export interface FieldSpec {
  name: string;
  label: string;
  type: "text" | "date" | "select" | "textarea" | "radio";
  options?: { value: string; label: string }[];
  hint?: string;
  defaultValue?: string;
  maxLength?: number;
  inputMode?: "numeric" | "decimal";
}

interface ActionFormProps {
  legend: string;
  fields: FieldSpec[];
  submitLabel: string;
  /** A server action bound to its record; it parses and checks everything again. */
  action: (values: Record<string, unknown>) => Promise<ActionResult>;
  /** Values sent as they are (e.g. the version the page showed). */
  extra?: Record<string, unknown>;
  testId?: string;
}

/**
 * A small delivery form: the fields' values go to the server action, whose translated field and form
 * errors are shown next to the fields; on success the page is refreshed by the action's revalidation.
 */
export function ActionForm({ legend, fields, submitLabel, action, extra, testId }: ActionFormProps) {
  const { t } = useI18n();
  const uid = useId();
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const inFlight = useRef(false);
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    const data = new FormData(event.currentTarget);
    const values: Record<string, unknown> = { ...extra };
    for (const f of fields) values[f.name] = String(data.get(f.name) ?? "");
    setSaved(false);
    startTransition(async () => {
      const result = await action(values);
      inFlight.current = false;
      if (result.ok) {
        setFormError(null);
        setFieldErrors({});
        setSaved(true);
        formRef.current?.reset();
      } else {
        setFormError(result.formError ?? null);
        setFieldErrors(result.fieldErrors ?? {});
      }
    });
  }

  const fieldId = (name: string) => `${uid}-${name}`;
  return (
    <form ref={formRef} className="stack" noValidate onSubmit={submit} aria-busy={isPending} data-hydrated={hydrated ? "true" : undefined} data-testid={testId}>
      <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>{legend}</legend>
        {formError ? (
          <div className="alert alert-error" role="alert">
            {formError}
          </div>
        ) : null}
        {saved ? (
          <div className="alert alert-success" role="status">
            {t("delivery.common.saved")}
          </div>
        ) : null}
        {fields.map((f) => {
          const id = fieldId(f.name);
          const error = fieldErrors[f.name];
          const describedBy = [f.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
          const common = { id, name: f.name, defaultValue: f.defaultValue, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const;
          return (
            <div key={f.name} className="field">
              {f.type === "radio" ? (
                <div role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
                  <span id={`${id}-label`}>{f.label}</span>
                  {f.options?.map((o) => (
                    <label key={o.value} style={{ display: "block" }}>
                      <input type="radio" name={f.name} value={o.value} defaultChecked={o.value === f.defaultValue} /> {o.label}
                    </label>
                  ))}
                </div>
              ) : (
                <>
                  <label htmlFor={id}>{f.label}</label>
                  {f.type === "select" ? (
                    <select {...common}>
                      {f.options?.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : f.type === "textarea" ? (
                    <textarea {...common} maxLength={f.maxLength} rows={3} />
                  ) : (
                    <input {...common} type={f.type} maxLength={f.maxLength} inputMode={f.inputMode} />
                  )}
                </>
              )}
              {f.hint ? (
                <p className="muted small" id={`${id}-hint`} style={{ margin: 0 }}>
                  {f.hint}
                </p>
              ) : null}
              {error ? (
                <p className="field-error" id={`${id}-error`} role="alert" style={{ margin: 0 }}>
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
        <div>
          <button type="submit" className="btn btn-primary" disabled={isPending}>
            {isPending ? t("delivery.common.saving") : submitLabel}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
