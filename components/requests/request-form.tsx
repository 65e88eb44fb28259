"use client";

import { useId, useState, type FormEvent } from "react";
import { useWatch } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { AssistanceCategory, Locale } from "@/lib/enums";
import type { ActionResult } from "@/lib/errors";
import { newCreationKey } from "@/lib/ids";
import { DETAIL_FIELDS, isCategory } from "./detail-fields";
import { toActionValues, type RequestFormState, type RequestFormValues } from "./form-values";
import { ProgramChoices, type RequestFormProgram } from "./program-choices";
import { CategoryDetails, CategorySelect } from "./request-category-fields";
import type { RequestFieldPath } from "./request-form-parts";
import { RequestErrorSummary, type RequestServerFailure } from "./request-error-summary";
import { RequestPlanFields } from "./request-plan-fields";
import { RequestSubmitBar, type RequestFormMode } from "./request-submit-bar";
import { LanguageChoice, LocaleTexts, TEXT_FIELD_PATHS } from "./request-text-fields";

export type { RequestFormProgram } from "./program-choices";

/** A request's server action (app/requests/actions.ts): it parses everything again and redirects on success. */
export type RequestAction = (input: Record<string, unknown>) => Promise<ActionResult<unknown> | undefined>;

interface RequestFormCommonProps {
  /** The stored values (edit) or empty ones with the user's language (new), as raw strings. */
  defaultValues: RequestFormValues;
  /** The programs open to the user's country, per category. */
  programsByCategory: Partial<Record<AssistanceCategory, RequestFormProgram[]>>;
  /** The user's country, for the hints. */
  countryName: string;
  /** Where "Cancel" goes. */
  cancelHref: string;
}

/** A new request (createRequestAction), or a stored one saved on the version the form was opened with (saveRequestAction). */
export type RequestFormProps = RequestFormCommonProps &
  ({ createAction: RequestAction } | { saveAction: RequestAction; requestId: string; version: number });

/** The paths with a field on screen (every category's details: only the chosen one's are sent). */
const FIELD_PATHS = [
  "primaryLocale",
  ...TEXT_FIELD_PATHS,
  "category",
  "details",
  ...DETAIL_FIELDS.map((f) => `details.${f}`),
  "estimatedCost",
  "urgency",
  "desiredStartOn",
  "programIds",
];
const PLACED = new Set(FIELD_PATHS);

const loadRequestFormSchema = () => import("./form-schema").then((m) => m.requestFormSchema);

/** A message on an item of a list ("programIds.0") stands next to the list. */
function onListFields(fieldErrors: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(fieldErrors)) out[path.replace(/\.\d+$/, "")] ??= text;
  return out;
}

/**
 * The request form: "Save draft" checks what a draft needs (anything partial), "Submit request" what a
 * submission needs, with the same zod schemas the server applies again. It sends the raw values; after
 * a failed attempt the error summary lists every message and takes the focus.
 */
export function RequestForm(props: RequestFormProps) {
  const { defaultValues, programsByCategory, countryName, cancelHref } = props;
  const { t } = useI18n();
  const uid = useId();
  const idOf = (path: string) => `${uid}-${path.replace(/\./g, "-")}`;
  // One key per form opened: a double click or a retried POST of a new request makes one request.
  const [creationKey] = useState(newCreationKey);
  const [mode, setMode] = useState<RequestFormMode>("draft");
  const [failure, setFailure] = useState<RequestServerFailure | null>(null);

  async function send({ submit, ...values }: RequestFormState) {
    const content = toActionValues(values);
    const result =
      "saveAction" in props
        ? await props.saveAction({ ...content, requestId: props.requestId, submit, expectedVersion: props.version })
        : await props.createAction({ ...content, submit, creationKey });
    if (!result || result.ok) return result;
    const fieldErrors = onListFields(result.fieldErrors);
    const unplaced = Object.entries(fieldErrors).flatMap(([path, text]) => (PLACED.has(path) ? [] : [text]));
    setFailure({ title: result.formError ?? t("common.errors.invalidInput"), unplaced });
    return { ...result, fieldErrors };
  }

  const form = useActionForm<RequestFormState>({
    schema: loadRequestFormSchema,
    action: send,
    defaultValues: { ...defaultValues, submit: false },
    fields: FIELD_PATHS,
    raw: true,
    focusOnError: "alert",
  });

  const primaryLocale = (useWatch({ control: form.control, name: "primaryLocale" }) ?? defaultValues.primaryLocale) as Locale;
  const categoryValue = useWatch({ control: form.control, name: "category" }) ?? "";
  const category = isCategory(categoryValue) ? categoryValue : null;
  const programs = category ? (programsByCategory[category] ?? []) : [];
  const otherLocale: Locale = primaryLocale === "es" ? "en" : "es";
  const section = { form, idOf };

  // The schema follows the button: the value "submit" says which one was pressed.
  function run(next: RequestFormMode) {
    if (form.busy) return;
    form.form.setValue("submit", next === "submit");
    setMode(next);
    setFailure(null);
    form.onSubmit();
  }

  return (
    <form
      className="stack"
      {...form.formProps}
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        // Enter in a field saves a draft, never submits the request.
        event.preventDefault();
        run("draft");
      }}
    >
      <p className="muted">{t("requests.form.intro")}</p>
      <RequestErrorSummary
        isShown={form.formError !== null}
        errors={form.form.formState.errors}
        failure={failure}
        idOf={idOf}
        onSelect={(path) => form.form.setFocus(path as RequestFieldPath)}
        target={form.alertTarget}
      />
      <LanguageChoice {...section} />
      <LocaleTexts {...section} locale={primaryLocale} isPrimary />
      <LocaleTexts {...section} locale={otherLocale} isPrimary={false} />
      <CategorySelect {...section} programsByCategory={programsByCategory} />
      <CategoryDetails {...section} category={category} />
      <RequestPlanFields {...section} />
      <ProgramChoices {...section} category={category} programs={programs} countryName={countryName} />
      <RequestSubmitBar busy={form.busy} mode={mode} onSubmitRequest={() => run("submit")} cancelHref={cancelHref} hintId={idOf("submit.hint")} />
    </form>
  );
}
