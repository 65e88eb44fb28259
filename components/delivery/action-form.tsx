"use client";

import { useMemo } from "react";
import { Controller, type FieldValues } from "react-hook-form";
import { useActionForm, type ActionForm as Form } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { FormAlert, FormSaved } from "@/components/ui/form-alert";
import { NativeSelect } from "@/components/ui/native-select";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors";
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

/** One field of the spec, on the shared primitives. */
function SpecField({ spec, form }: { spec: FieldSpec; form: Form<FieldValues> }) {
  const error = form.fieldError(spec.name);
  const options = spec.options ?? [];
  switch (spec.type) {
    case "radio":
    case "date":
      return (
        <Controller
          control={form.control}
          name={spec.name}
          render={({ field }) =>
            spec.type === "radio" ? (
              <RadioGroup {...field} label={spec.label} hint={spec.hint} error={error} options={options} />
            ) : (
              <DateField {...field} label={spec.label} hint={spec.hint} error={error} />
            )
          }
        />
      );
    case "select":
      return <NativeSelect label={spec.label} hint={spec.hint} options={options} {...form.field(spec.name)} />;
    case "textarea":
      return <TextArea label={spec.label} hint={spec.hint} maxLength={spec.maxLength} rows={3} {...form.field(spec.name)} />;
    default:
      return <TextField label={spec.label} hint={spec.hint} maxLength={spec.maxLength} inputMode={spec.inputMode} {...form.field(spec.name)} />;
  }
}

/**
 * A small delivery form (react-hook-form with the mutation's zod schema): messages in the user's language
 * next to the fields, from the browser's check or from the server's; on success the page is refreshed by
 * the action's revalidation and the form starts again from its defaults.
 */
export function ActionForm({ legend, fields, submitLabel, schema, action, ids, extra, testId }: ActionFormProps) {
  const { t } = useI18n();
  const defaultValues = useMemo(() => ({ ...extra, ...Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? ""])) }), [extra, fields]);
  const form = useActionForm<FieldValues>({
    schema: DELIVERY_FORM_SCHEMAS[schema],
    action: (values) => action({ ...values, ...ids }),
    defaultValues,
    // A rule on the whole form (or on a value the user does not type) has no field to stand next to.
    fields: fields.map((f) => f.name),
    raw: true,
    // When the page comes back from the server with other defaults (a saved condition), show those.
    followDefaults: true,
    resetOnSuccess: true,
  });

  return (
    <form className="stack" data-testid={testId} {...form.formProps}>
      <fieldset className="stack fieldset-plain">
        <legend className="text-strong">{legend}</legend>
        <FormAlert message={form.formError} target={form.alertTarget} />
        <FormSaved saved={form.saved}>{t("delivery.common.saved")}</FormSaved>
        {fields.map((spec) => (
          <SpecField key={spec.name} spec={spec} form={form} />
        ))}
        <div>
          <SubmitButton busy={form.busy} busyLabel={t("delivery.common.saving")}>
            {submitLabel}
          </SubmitButton>
        </div>
      </fieldset>
    </form>
  );
}
