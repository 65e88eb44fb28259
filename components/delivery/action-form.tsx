"use client";

import { useId, useMemo, useRef, useState, useTransition } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/errors";
import { translateIssue } from "@/lib/forms/zod";
import { DELIVERY_FORM_SCHEMAS, type DeliveryFormSchema } from "./form-schemas";

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
  /** The schema the action's mutation parses (by name): the browser checks the same rules first. */
  schema: DeliveryFormSchema;
  /** A server action; it parses and checks everything again. */
  action: (input: Record<string, unknown>) => Promise<ActionResult>;
  /** The record's ids, sent with the values (not form fields: the browser's check does not see them). */
  ids: Record<string, string>;
  /** Values sent as they are (e.g. the version the page showed). */
  extra?: Record<string, unknown>;
  testId?: string;
}

/**
 * A small delivery form (react-hook-form with the mutation's zod schema): messages in the user's language
 * next to the fields, from the browser's check or from the server's; on success the page is refreshed by
 * the action's revalidation and the form starts again from its defaults.
 */
export function ActionForm({ legend, fields, submitLabel, schema, action, ids, extra, testId }: ActionFormProps) {
  const { t } = useI18n();
  const uid = useId();
  const hydrated = useHydrated();
  const inFlight = useRef(false);
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const resolver = useMemo(() => zodResolver(DELIVERY_FORM_SCHEMAS[schema], undefined, { raw: true }) as unknown as Resolver<FieldValues>, [schema]);
  const defaultValues = useMemo(() => ({ ...extra, ...Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? ""])) }), [extra, fields]);
  // `values`: when the page comes back from the server with other defaults (a saved condition), show those.
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<FieldValues>({ resolver, defaultValues, values: defaultValues });
  const names = new Set(fields.map((f) => f.name));
  // A rule on the whole form (or on a value the user does not type) has no field to stand next to.
  const stray = Object.entries(errors).find(([name]) => !names.has(name));
  const fieldError = (name: string) => {
    const message = errors[name]?.message;
    return typeof message === "string" ? translateIssue(message, t) : undefined;
  };

  function submit(values: FieldValues) {
    if (inFlight.current) return;
    inFlight.current = true;
    setSaved(false);
    startTransition(async () => {
      const result = await action({ ...values, ...ids });
      inFlight.current = false;
      if (result.ok) {
        setFormError(null);
        setSaved(true);
        reset(defaultValues);
        return;
      }
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        if (names.has(path)) setError(path, { type: "server", message: text });
      }
      setFormError(result.formError ?? null);
    });
  }

  const fieldId = (name: string) => `${uid}-${name}`;
  return (
    <form className="stack" noValidate onSubmit={(event) => void handleSubmit(submit)(event)} aria-busy={isPending} data-hydrated={hydrated ? "true" : undefined} data-testid={testId}>
      <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>{legend}</legend>
        {formError || stray ? (
          <div className="alert alert-error" role="alert">
            {formError ?? translateIssue(typeof stray?.[1]?.message === "string" ? stray[1].message : undefined, t)}
          </div>
        ) : null}
        {saved ? (
          <div className="alert alert-success" role="status">
            {t("delivery.common.saved")}
          </div>
        ) : null}
        {fields.map((f) => {
          const id = fieldId(f.name);
          const error = fieldError(f.name);
          const describedBy = [f.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
          const common = { id, ...register(f.name), "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const;
          return (
            <div key={f.name} className="field">
              {f.type === "radio" ? (
                <div role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
                  <span id={`${id}-label`}>{f.label}</span>
                  {f.options?.map((o) => (
                    <label key={o.value} style={{ display: "block" }}>
                      <input type="radio" value={o.value} {...register(f.name)} /> {o.label}
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
