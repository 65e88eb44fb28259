"use client";

import Link from "next/link";
import { useId, useMemo, useRef, useState, useTransition, type ReactNode } from "react";
import { get, useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createRequestAction, saveRequestAction } from "@/app/requests/actions";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ASSISTANCE_CATEGORIES, type AssistanceCategory, type Locale, LOCALES, URGENCIES } from "@/lib/enums";
import type { ActionResult } from "@/lib/errors";
import { translateIssue } from "@/lib/forms/zod";
import { formatMoney } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n/translate";
import { CATEGORY_FIELDS, LIMITS, requestDraftSchema, submitRequestSchema, type DetailField } from "@/lib/requests/schema";
import { newCreationKey } from "@/lib/ids";
import { DETAIL_FIELD_KINDS, choiceLabelKey, isCategory } from "./detail-fields";
import { fieldLabelKey, flattenErrors } from "./field-paths";
import { pickCategoryDetails, toActionValues, type RequestFormValues } from "./form-values";

/** A program the form may offer, with its remaining funds (from listEligiblePrograms). */
export interface RequestFormProgram {
  id: string;
  nameEn: string;
  nameEs: string;
  currency: string;
  remainingMinor: number;
  isDemoFigures: boolean;
}

export interface RequestFormProps {
  /** The stored values (edit) or empty ones with the user's language (new), as raw strings. */
  defaultValues: RequestFormValues;
  /** The programs open to the user's country, per category. */
  programsByCategory: Partial<Record<AssistanceCategory, RequestFormProgram[]>>;
  /** The user's country, for the hints. */
  countryName: string;
  /** For editing: the request and the version the form was opened with. Absent for a new request. */
  requestId?: string;
  version?: number;
  /** Where "Cancel" goes. */
  cancelHref: string;
}

type Mode = "draft" | "submit";

const TEXT_FIELDS = ["title", "narrative", "justification"] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const TEXT_LIMITS: Record<TextField, number> = {
  title: LIMITS.titleMax,
  narrative: LIMITS.narrativeMax,
  justification: LIMITS.justificationMax,
};
const suffixOf = (locale: Locale) => (locale === "es" ? "Es" : "En");

/**
 * The request form: "Save draft" checks what a draft needs (anything partial), "Submit request" what a
 * submission needs, with the same zod schemas the server applies again. It sends the raw values.
 */
export function RequestForm({ defaultValues, programsByCategory, countryName, requestId, version, cancelHref }: RequestFormProps) {
  const { t, locale } = useI18n();
  const uid = useId();
  // One key per form opened: a double click or a retried POST of a new request makes one request.
  const [creationKey] = useState(newCreationKey);
  const [isPending, startTransition] = useTransition();
  const [showSummary, setShowSummary] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const modeRef = useRef<Mode>("draft");
  const [activeMode, setActiveMode] = useState<Mode>("draft");
  const inFlight = useRef(false);

  // The schema follows the button: a draft may be partial, a submission must be complete. After a
  // failed attempt, fields revalidate against the schema of that attempt as they change.
  const resolver = useMemo<Resolver<RequestFormValues>>(() => {
    const draft = zodResolver(requestDraftSchema) as unknown as Resolver<RequestFormValues>;
    const submit = zodResolver(submitRequestSchema) as unknown as Resolver<RequestFormValues>;
    return (values, context, options) => (modeRef.current === "submit" ? submit : draft)(toActionValues(values), context, options);
  }, []);

  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    control,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<RequestFormValues>({ resolver, defaultValues, reValidateMode: "onChange", shouldFocusError: false });

  const primaryLocale = (useWatch({ control, name: "primaryLocale" }) ?? defaultValues.primaryLocale) as Locale;
  const categoryValue = useWatch({ control, name: "category" }) ?? "";
  const category = isCategory(categoryValue) ? categoryValue : null;
  const watchedPrograms = useWatch({ control, name: "programIds" });
  const selectedPrograms = Array.isArray(watchedPrograms) ? watchedPrograms : [];
  const programs = category ? (programsByCategory[category] ?? []) : [];
  const requiredDetails = new Set<DetailField>(category ? CATEGORY_FIELDS[category].required : []);

  const busy = isPending || isSubmitting;
  const idOf = (path: string) => `${uid}-${path.replace(/\./g, "-")}`;
  const errorText = (path: string): string | undefined => {
    const leaf = flattenErrors(get(errors, path))[0];
    return leaf ? translateIssue(leaf.message, t) : undefined;
  };
  const describedBy = (path: string, hasHint: boolean, hasError: boolean) =>
    [hasHint ? idOf(`${path}.hint`) : null, hasError ? idOf(`${path}.error`) : null].filter(Boolean).join(" ") || undefined;
  const requiredMark = (required: boolean) =>
    required ? <span className="muted small"> ({t("requests.form.requiredToSubmit")})</span> : null;
  const errorLine = (path: string, text: string | undefined) =>
    text ? (
      <p className="field-error" id={idOf(`${path}.error`)}>
        {text}
      </p>
    ) : null;

  function onCategoryChange(next: string) {
    // Details of other categories are dropped (the schema refuses them); shared ones are kept.
    setValue("details", pickCategoryDetails(next, getValues("details")), { shouldDirty: true });
    const eligible = new Set((isCategory(next) ? (programsByCategory[next] ?? []) : []).map((p) => p.id));
    const current = getValues("programIds") ?? [];
    setValue(
      "programIds",
      current.filter((id) => eligible.has(id)),
      { shouldDirty: true },
    );
  }

  function toggleProgram(id: string, checked: boolean) {
    const current = getValues("programIds") ?? [];
    const next = checked ? [...new Set([...current, id])] : current.filter((p) => p !== id);
    setValue("programIds", next, { shouldDirty: true, shouldValidate: isSubmitted });
  }

  function focusSummary() {
    // After React has shown the summary.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  function run(mode: Mode) {
    if (inFlight.current) return;
    modeRef.current = mode;
    setActiveMode(mode);
    setFormError(null);
    setUnplaced([]);
    void handleSubmit(
      () => send(mode),
      () => {
        setShowSummary(true);
        focusSummary();
      },
    )();
  }

  function send(mode: Mode) {
    inFlight.current = true;
    setShowSummary(false);
    const values = toActionValues(getValues());
    const submit = mode === "submit";
    // Inside a transition: a redirect from the action (its success) reaches Next's redirect boundary
    // instead of surfacing here as an error, and the buttons stay disabled until the next page arrives.
    startTransition(async () => {
      const result: ActionResult | undefined =
        requestId && version !== undefined
          ? await saveRequestAction({ ...values, requestId, submit, expectedVersion: version })
          : await createRequestAction({ ...values, submit, creationKey });
      if (!result || result.ok) return;
      inFlight.current = false;
      const rendered = renderedPaths();
      const notShown: string[] = [];
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        const field = path.replace(/\.\d+$/, "");
        if (rendered.has(field)) setError(field as FieldPath<RequestFormValues>, { type: "server", message: text });
        else notShown.push(text);
      }
      startTransition(() => {
        setFormError(result.formError ?? t("common.errors.invalidInput"));
        setUnplaced(notShown);
        setShowSummary(true);
      });
      focusSummary();
    });
  }

  /** The field paths the form shows now, where a server error can be placed. */
  function renderedPaths(): Set<string> {
    const paths = new Set<string>(["primaryLocale", "category", "estimatedCost", "urgency", "desiredStartOn", "programIds"]);
    for (const l of LOCALES) for (const f of TEXT_FIELDS) paths.add(`${f}${suffixOf(l)}`);
    if (category) for (const f of CATEGORY_FIELDS[category].fields) paths.add(`details.${f}`);
    return paths;
  }

  const summaryItems = showSummary
    ? flattenErrors(errors).map((e) => {
        const labelKey = fieldLabelKey(e.path);
        return { path: e.path, label: labelKey ? t(labelKey) : null, message: translateIssue(e.message, t) };
      })
    : [];
  const hasSummary = showSummary && (summaryItems.length > 0 || unplaced.length > 0 || !!formError);

  const otherLocale: Locale = primaryLocale === "es" ? "en" : "es";

  function textFieldset(l: Locale) {
    const isPrimary = l === primaryLocale;
    const suffix = suffixOf(l);
    return (
      <fieldset key={l} className="field stack">
        <legend lang={l}>
          {isPrimary ? t(`common.languageNames.${l}`) : t("requests.form.textLegendOptional", { language: t(`common.languageNames.${l}`) })}
        </legend>
        {TEXT_FIELDS.map((f) => {
          const path = `${f}${suffix}` as const;
          const error = errorText(path);
          const common = {
            id: idOf(path),
            lang: l,
            maxLength: TEXT_LIMITS[f],
            "aria-invalid": error ? true : undefined,
            "aria-describedby": describedBy(path, true, !!error),
            ...register(path),
          };
          return (
            <div className="field" key={path}>
              <label htmlFor={idOf(path)}>
                {t(`requests.form.${f}Label`)}
                {requiredMark(isPrimary)}
              </label>
              <span className="hint" id={idOf(`${path}.hint`)}>
                {t(`requests.form.${f}Hint`)}
              </span>
              {f === "title" ? <input type="text" autoComplete="off" {...common} /> : <textarea rows={f === "narrative" ? 8 : 5} {...common} />}
              {errorLine(path, error)}
            </div>
          );
        })}
      </fieldset>
    );
  }

  function detailInput(field: DetailField) {
    const path = `details.${field}` as const;
    const spec = DETAIL_FIELD_KINDS[field];
    const error = errorText(path);
    const label = (
      <>
        {t(`requests.details.${field}.label`)}
        {requiredMark(requiredDetails.has(field))}
      </>
    );
    const hint = t(`requests.details.${field}.hint`);
    if (spec.kind === "boolean") {
      return (
        <fieldset className="field" key={field} aria-describedby={describedBy(path, true, !!error)}>
          <legend>{label}</legend>
          <span className="hint" id={idOf(`${path}.hint`)}>
            {hint}
          </span>
          <div className="row">
            {(["true", "false"] as const).map((v, i) => (
              <div className="checkbox" key={v}>
                <input
                  type="radio"
                  id={i === 0 ? idOf(path) : idOf(`${path}.${v}`)}
                  value={v}
                  {...register(path)}
                />
                <label htmlFor={i === 0 ? idOf(path) : idOf(`${path}.${v}`)}>{v === "true" ? t("common.yes") : t("common.no")}</label>
              </div>
            ))}
          </div>
          {errorLine(path, error)}
        </fieldset>
      );
    }
    const inputProps = {
      id: idOf(path),
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy(path, true, !!error),
      ...register(path),
    };
    let control: ReactNode;
    if (spec.kind === "choice") {
      control = (
        <select {...inputProps}>
          <option value="">{t("requests.form.choose")}</option>
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {t(choiceLabelKey(field, option) as MessageKey)}
            </option>
          ))}
        </select>
      );
    } else if (spec.kind === "longText") {
      control = <textarea rows={4} maxLength={spec.maxLength} {...inputProps} />;
    } else if (spec.kind === "shortText") {
      control = <input type="text" autoComplete="off" maxLength={spec.maxLength} {...inputProps} />;
    } else {
      control = (
        <input type="text" inputMode={spec.kind === "int" ? "numeric" : "decimal"} autoComplete="off" maxLength={20} {...inputProps} />
      );
    }
    return (
      <div className="field" key={field}>
        <label htmlFor={idOf(path)}>{label}</label>
        <span className="hint" id={idOf(`${path}.hint`)}>
          {hint}
        </span>
        {control}
        {errorLine(path, error)}
      </div>
    );
  }

  const hydrated = useHydrated();
  const localeError = errorText("primaryLocale");
  const categoryError = errorText("category");
  const costError = errorText("estimatedCost");
  const urgencyError = errorText("urgency");
  const startError = errorText("desiredStartOn");
  const programsError = errorText("programIds");

  return (
    <form
      className="stack"
      noValidate
      aria-busy={busy}
      data-hydrated={hydrated ? "true" : undefined}
      onSubmit={(event) => {
        // Enter in a field saves a draft, never submits the request.
        event.preventDefault();
        run("draft");
      }}
    >
      <p className="muted">{t("requests.form.intro")}</p>

      {/* Always present, so the live region exists before its message arrives and can take focus. */}
      <div ref={summaryRef} tabIndex={-1} role="alert" className={hasSummary ? "alert alert-error stack" : undefined}>
        {hasSummary ? (
          <>
            <p>
              <strong>{formError ?? t("requests.form.errorSummaryTitle")}</strong>
            </p>
            {summaryItems.length > 0 || unplaced.length > 0 ? (
              <>
                <p>{t("requests.form.errorSummaryIntro")}</p>
                <ul>
                  {summaryItems.map((item) => (
                    <li key={item.path}>
                      <a
                        href={`#${idOf(item.path)}`}
                        onClick={(event) => {
                          event.preventDefault();
                          document.getElementById(idOf(item.path))?.focus();
                        }}
                      >
                        {item.label ? `${item.label}: ` : ""}
                        {item.message}
                      </a>
                    </li>
                  ))}
                  {unplaced.map((text, i) => (
                    <li key={`unplaced-${i}`}>{text}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </div>

      <fieldset className="field" aria-describedby={describedBy("primaryLocale", true, !!localeError)}>
        <legend>{t("requests.form.languageLegend")}</legend>
        <span className="hint" id={idOf("primaryLocale.hint")}>
          {t("requests.form.languageHint")}
        </span>
        <div className="row">
          {LOCALES.map((l, i) => (
            <div className="checkbox" key={l}>
              <input type="radio" id={i === 0 ? idOf("primaryLocale") : idOf(`primaryLocale.${l}`)} value={l} {...register("primaryLocale")} />
              <label htmlFor={i === 0 ? idOf("primaryLocale") : idOf(`primaryLocale.${l}`)} lang={l}>
                {t(`common.languageNames.${l}`)}
              </label>
            </div>
          ))}
        </div>
        {errorLine("primaryLocale", localeError)}
      </fieldset>

      {textFieldset(primaryLocale)}
      {textFieldset(otherLocale)}

      <div className="field">
        <label htmlFor={idOf("category")}>
          {t("requests.form.categoryLabel")}
          {requiredMark(true)}
        </label>
        <span className="hint" id={idOf("category.hint")}>
          {t("requests.form.categoryHint")}
        </span>
        <select
          id={idOf("category")}
          aria-invalid={categoryError ? true : undefined}
          aria-describedby={describedBy("category", true, !!categoryError)}
          {...register("category", { onChange: (event: { target: { value: string } }) => onCategoryChange(event.target.value) })}
        >
          <option value="">{t("requests.form.choose")}</option>
          {ASSISTANCE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`common.categories.${c}`)}
            </option>
          ))}
        </select>
        {errorLine("category", categoryError)}
      </div>

      <fieldset className="field stack">
        <legend>
          {category
            ? t("requests.form.detailsLegend", { category: t(`common.categories.${category}`) })
            : t("requests.detail.detailsHeading")}
        </legend>
        {!category ? (
          <p className="hint">{t("requests.form.detailsChooseCategory")}</p>
        ) : CATEGORY_FIELDS[category].fields.length === 0 ? (
          <p className="hint">{t("requests.form.detailsNone")}</p>
        ) : (
          CATEGORY_FIELDS[category].fields.map((field) => detailInput(field))
        )}
      </fieldset>

      <div className="field">
        <label htmlFor={idOf("estimatedCost")}>
          {t("requests.form.costLabel")}
          {requiredMark(true)}
        </label>
        <span className="hint" id={idOf("estimatedCost.hint")}>
          {t("requests.form.costHint")}
        </span>
        <input
          id={idOf("estimatedCost")}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          maxLength={20}
          aria-invalid={costError ? true : undefined}
          aria-describedby={describedBy("estimatedCost", true, !!costError)}
          {...register("estimatedCost")}
        />
        {errorLine("estimatedCost", costError)}
      </div>

      <div className="field">
        <label htmlFor={idOf("urgency")}>
          {t("requests.form.urgencyLabel")}
          {requiredMark(true)}
        </label>
        <span className="hint" id={idOf("urgency.hint")}>
          {t("requests.form.urgencyHint")}
        </span>
        <select
          id={idOf("urgency")}
          aria-invalid={urgencyError ? true : undefined}
          aria-describedby={describedBy("urgency", true, !!urgencyError)}
          {...register("urgency")}
        >
          <option value="">{t("requests.form.choose")}</option>
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {t(`requests.urgency.${u}`)}
            </option>
          ))}
        </select>
        {errorLine("urgency", urgencyError)}
      </div>

      <div className="field">
        <label htmlFor={idOf("desiredStartOn")}>
          {t("requests.form.startLabel")}
          {requiredMark(true)}
        </label>
        <span className="hint" id={idOf("desiredStartOn.hint")}>
          {t("requests.form.startHint")}
        </span>
        <input
          id={idOf("desiredStartOn")}
          type="date"
          min="2000-01-01"
          max="2100-12-31"
          aria-invalid={startError ? true : undefined}
          aria-describedby={describedBy("desiredStartOn", true, !!startError)}
          {...register("desiredStartOn")}
        />
        {errorLine("desiredStartOn", startError)}
      </div>

      <fieldset className="field" aria-describedby={describedBy("programIds", true, !!programsError)}>
        <legend>{t("requests.form.programsLegend")}</legend>
        <span className="hint" id={idOf("programIds.hint")}>
          {t("requests.form.programsHint", { country: countryName })}
        </span>
        {!category ? (
          <p className="hint">{t("requests.form.programsChooseCategory")}</p>
        ) : programs.length === 0 ? (
          <p className="hint">{t("requests.form.programsNone", { country: countryName })}</p>
        ) : (
          programs.map((program, i) => {
            const checkboxId = i === 0 ? idOf("programIds") : idOf(`programIds.${program.id}`);
            return (
              <div className="checkbox" key={program.id}>
                <input
                  type="checkbox"
                  id={checkboxId}
                  value={program.id}
                  checked={selectedPrograms.includes(program.id)}
                  onChange={(event) => toggleProgram(program.id, event.target.checked)}
                  aria-invalid={programsError ? true : undefined}
                  aria-describedby={programsError ? idOf("programIds.error") : undefined}
                />
                <label htmlFor={checkboxId}>
                  {locale === "es" ? program.nameEs : program.nameEn}{" "}
                  <span className="muted small">
                    ({t("requests.form.programRemaining", { amount: formatMoney(program.remainingMinor, program.currency, locale) })})
                  </span>{" "}
                  {program.isDemoFigures ? <span className="badge">{t("requests.form.demoFigures")}</span> : null}
                </label>
              </div>
            );
          })
        )}
        {errorLine("programIds", programsError)}
      </fieldset>

      <p className="muted small" id={idOf("submit.hint")}>
        {t("requests.form.submitHint")}
      </p>
      <div className="row">
        <button type="submit" className="btn" disabled={busy}>
          {busy && activeMode === "draft" ? t("requests.form.savingDraft") : t("requests.form.saveDraft")}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          aria-describedby={idOf("submit.hint")}
          onClick={() => run("submit")}
        >
          {busy && activeMode === "submit" ? t("requests.form.submitting") : t("requests.form.submit")}
        </button>
        <Link href={cancelHref}>{t("requests.form.cancel")}</Link>
      </div>
    </form>
  );
}
