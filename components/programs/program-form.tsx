"use client";

import Link from "next/link";
import { useId, useMemo, useRef, useState, useTransition, type ReactNode } from "react";
import { get, useFieldArray, useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ASSISTANCE_CATEGORIES, REGIONS, type Region } from "@/lib/enums";
import type { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { translateIssue } from "@/lib/forms/zod";
import { createProgramSchema, PROGRAM_CURRENCIES, PROGRAM_LIMITS, updateProgramSchema, type ProgramFormValues } from "@/lib/programs/schema";

export interface ProgramFormCountry {
  iso2: string;
  name: string;
  region: Region;
}

export interface ProgramFormDonor {
  id: string;
  name: string;
}

type ProgramFormProps = ProgramFormCommonProps &
  (
    | { mode: "create"; action: (input: z.input<typeof createProgramSchema>) => Promise<ActionResult | undefined> }
    | { mode: "edit"; programId: string; action: (input: z.input<typeof updateProgramSchema> & { programId: string }) => Promise<ActionResult | undefined> }
  );

interface ProgramFormCommonProps {
  defaultValues: ProgramFormValues;
  donors: ProgramFormDonor[];
  countries: ProgramFormCountry[];
  /** Reviews have used the rubric: it is shown but cannot be changed. */
  isRubricLocked?: boolean;
  cancelHref: string;
}

const TOP_FIELDS = [
  "key",
  "nameEn",
  "nameEs",
  "currency",
  "ceiling",
  "perAwardCap",
  "approvalThreshold",
  "startsOn",
  "endsOn",
  "donorIds",
  "countryIsos",
  "categories",
  "rubric",
  "expectedUpdatedAt",
] as const;
const ARRAY_FIELDS = new Set(["donorIds", "countryIsos", "categories", "rubric"]);
const RUBRIC_FIELD = /^rubric\.(\d+)\.(key|nameEn|nameEs|weight)$/;

/**
 * The administrator's program form: names, currency, ceiling, cap, threshold, period, donors, eligible
 * countries and categories, and the scoring rubric. It checks with the same zod schema as the server.
 */
/** Sends the form's values to its server action (the program's id with an edit): redirects on success, returns the errors otherwise. */
function send(props: ProgramFormProps, values: ProgramFormValues): Promise<ActionResult | undefined> {
  // The schema parses the form's raw values on the server (the resolver's cast joins the same types).
  if (props.mode === "create") return props.action(values as z.input<typeof createProgramSchema>);
  return props.action({ ...(values as z.input<typeof updateProgramSchema>), programId: props.programId });
}

export function ProgramForm(props: ProgramFormProps) {
  const { mode, defaultValues, donors, countries, isRubricLocked = false, cancelHref } = props;
  const { t } = useI18n();
  const uid = useId();
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);
  const inFlight = useRef(false);
  const hydrated = useHydrated();

  const resolver = useMemo(
    () => (mode === "create" ? zodResolver(createProgramSchema) : zodResolver(updateProgramSchema)) as unknown as Resolver<ProgramFormValues>,
    [mode],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<ProgramFormValues>({ resolver, defaultValues, reValidateMode: "onChange" });
  const rubric = useFieldArray({ control, name: "rubric" });
  const selectedDonors = useWatch({ control, name: "donorIds" }) ?? [];
  const selectedCountries = useWatch({ control, name: "countryIsos" }) ?? [];
  const selectedCategories = useWatch({ control, name: "categories" }) ?? [];
  const rubricValues = useWatch({ control, name: "rubric" }) ?? [];
  const weightTotal = rubricValues.reduce((sum, c) => sum + (Number.isInteger(Number(c?.weight)) ? Number(c?.weight) : 0), 0);

  const idOf = (path: string) => `${uid}-${path.replace(/\./g, "-")}`;
  const errorText = (path: string): string | undefined => {
    const node = get(errors, path) as { message?: string; root?: { message?: string } } | undefined;
    const message = node?.message ?? node?.root?.message;
    if (message) return translateIssue(message, t);
    // An error on one item of a list (e.g. categories.0) is shown for the list.
    if (node && typeof node === "object" && ARRAY_FIELDS.has(path) && path !== "rubric") {
      const first = Object.values(node as Record<string, { message?: string }>).find((v) => v && typeof v.message === "string");
      return first?.message ? translateIssue(first.message, t) : undefined;
    }
    return undefined;
  };
  const describedBy = (path: string, hasHint: boolean, hasError: boolean) =>
    [hasHint ? idOf(`${path}.hint`) : null, hasError ? idOf(`${path}.error`) : null].filter(Boolean).join(" ") || undefined;
  const errorLine = (path: string, text: string | undefined) =>
    text ? (
      <p className="field-error" id={idOf(`${path}.error`)}>
        {text}
      </p>
    ) : null;

  function toggle(name: "donorIds" | "countryIsos" | "categories", values: string[], on: boolean, current: string[]) {
    const next = on ? [...new Set([...current, ...values])] : current.filter((v) => !values.includes(v));
    setValue(name, next, { shouldDirty: true, shouldValidate: isSubmitted });
  }

  function placeOf(path: string): string | null {
    const top = path.split(".")[0];
    if (path === "rubric") return "rubric.root";
    if (RUBRIC_FIELD.test(path)) return Number(RUBRIC_FIELD.exec(path)![1]) < rubric.fields.length ? path : null;
    if ((TOP_FIELDS as readonly string[]).includes(top) && top !== "expectedUpdatedAt") return top;
    return null;
  }

  // Inside a transition: a redirect from the action (its success) reaches Next's redirect boundary.
  function submit(values: ProgramFormValues) {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    setUnplaced([]);
    startTransition(async () => {
      const result = await send(props, values);
      if (!result || result.ok) return;
      inFlight.current = false;
      const notShown: string[] = [];
      let focused = false;
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        const place = placeOf(path);
        if (!place) {
          notShown.push(text);
          continue;
        }
        const focusable = !place.endsWith(".root") && !ARRAY_FIELDS.has(place);
        setError(place as FieldPath<ProgramFormValues>, { type: "server", message: text }, { shouldFocus: !focused && focusable });
        focused = focused || focusable;
      }
      startTransition(() => {
        setFormError(result.formError ?? t("common.errors.invalidInput"));
        setUnplaced(notShown);
      });
      if (!focused) requestAnimationFrame(() => alertRef.current?.focus());
    });
  }

  const busy = isPending || isSubmitting;
  const shownFormError = formError ?? (Object.keys(errors).length > 0 ? t("common.errors.invalidInput") : null);

  const textField = (name: "key" | "nameEn" | "nameEs", label: string, hint: string, extra: { maxLength: number; spellCheck?: boolean }) => {
    const error = errorText(name);
    return (
      <div className="field">
        <label htmlFor={idOf(name)}>{label}</label>
        <span className="hint" id={idOf(`${name}.hint`)}>
          {hint}
        </span>
        <input
          id={idOf(name)}
          type="text"
          autoComplete="off"
          aria-required="true"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, true, !!error)}
          {...extra}
          {...register(name)}
        />
        {errorLine(name, error)}
      </div>
    );
  };

  const moneyField = (name: "ceiling" | "perAwardCap" | "approvalThreshold", label: string, hint: string, required: boolean) => {
    const error = errorText(name);
    return (
      <div className="field">
        <label htmlFor={idOf(name)}>{label}</label>
        <span className="hint" id={idOf(`${name}.hint`)}>
          {hint}
        </span>
        <input
          id={idOf(name)}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="max-w-field"
          aria-required={required ? "true" : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, true, !!error)}
          {...register(name)}
        />
        {errorLine(name, error)}
      </div>
    );
  };

  const checkbox = (name: "donorIds" | "countryIsos" | "categories", value: string, label: ReactNode, current: string[], error: boolean) => (
    <div className="checkbox" key={value}>
      <input
        id={idOf(`${name}.${value}`)}
        type="checkbox"
        checked={current.includes(value)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => toggle(name, [value], e.target.checked, current)}
      />
      <label htmlFor={idOf(`${name}.${value}`)}>{label}</label>
    </div>
  );

  const donorsError = errorText("donorIds");
  const countriesError = errorText("countryIsos");
  const categoriesError = errorText("categories");
  const rubricError = errorText("rubric");
  const startsError = errorText("startsOn");
  const endsError = errorText("endsOn");
  const currencyError = errorText("currency");

  return (
    <form
      className="stack"
      noValidate
      aria-busy={busy}
      data-hydrated={hydrated ? "true" : undefined}
      onSubmit={(event) => void handleSubmit(submit, () => setFormError(t("common.errors.invalidInput")))(event)}
    >
      <div ref={alertRef} tabIndex={-1} role="alert" className={shownFormError ? "alert alert-error stack" : undefined}>
        {shownFormError ? (
          <>
            <p className="m-0">{shownFormError}</p>
            {unplaced.length > 0 ? (
              <ul>
                {unplaced.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>

      {mode === "create"
        ? textField("key", t("programs.form.keyLabel"), t("programs.form.keyHint"), { maxLength: PROGRAM_LIMITS.keyMax, spellCheck: false })
        : null}
      {textField("nameEn", t("programs.form.nameEnLabel"), t("programs.form.nameHint"), { maxLength: PROGRAM_LIMITS.nameMax })}
      {textField("nameEs", t("programs.form.nameEsLabel"), t("programs.form.nameHint"), { maxLength: PROGRAM_LIMITS.nameMax })}

      <div className="field">
        <label htmlFor={idOf("currency")}>{t("programs.form.currencyLabel")}</label>
        <span className="hint" id={idOf("currency.hint")}>
          {t("programs.form.currencyHint")}
        </span>
        <select
          id={idOf("currency")}
          className="max-w-short"
          aria-invalid={currencyError ? true : undefined}
          aria-describedby={describedBy("currency", true, !!currencyError)}
          {...register("currency")}
        >
          {PROGRAM_CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {errorLine("currency", currencyError)}
      </div>

      {moneyField("ceiling", t("programs.form.ceilingLabel"), t("programs.form.ceilingHint"), true)}
      {moneyField("perAwardCap", t("programs.form.capLabel"), t("programs.form.capHint"), false)}
      {moneyField("approvalThreshold", t("programs.form.thresholdLabel"), t("programs.form.thresholdHint"), true)}

      <fieldset className="field" aria-describedby={idOf("period.hint")}>
        <legend>{t("programs.form.periodLegend")}</legend>
        <span className="hint" id={idOf("period.hint")}>
          {t("programs.form.periodHint")}
        </span>
        <div className="row items-start">
          <div className="field">
            <label htmlFor={idOf("startsOn")}>{t("programs.form.startsOnLabel")}</label>
            <input
              id={idOf("startsOn")}
              type="date"
              aria-required="true"
              aria-invalid={startsError ? true : undefined}
              aria-describedby={describedBy("startsOn", false, !!startsError)}
              {...register("startsOn")}
            />
            {errorLine("startsOn", startsError)}
          </div>
          <div className="field">
            <label htmlFor={idOf("endsOn")}>{t("programs.form.endsOnLabel")}</label>
            <input
              id={idOf("endsOn")}
              type="date"
              aria-required="true"
              aria-invalid={endsError ? true : undefined}
              aria-describedby={describedBy("endsOn", false, !!endsError)}
              {...register("endsOn")}
            />
            {errorLine("endsOn", endsError)}
          </div>
        </div>
      </fieldset>

      <fieldset className="field" aria-describedby={describedBy("donorIds", true, !!donorsError)}>
        <legend>{t("programs.form.donorsLegend")}</legend>
        <span className="hint" id={idOf("donorIds.hint")}>
          {t("programs.form.donorsHint")}
        </span>
        {donors.map((d) => checkbox("donorIds", d.id, d.name, selectedDonors, !!donorsError))}
        {errorLine("donorIds", donorsError)}
      </fieldset>

      <fieldset className="field stack" aria-describedby={describedBy("countryIsos", true, !!countriesError)}>
        <legend>{t("programs.form.countriesLegend")}</legend>
        <span className="hint" id={idOf("countryIsos.hint")}>
          {t("programs.form.countriesHint")}
        </span>
        {REGIONS.map((region) => {
          const inRegion = countries.filter((c) => c.region === region);
          if (inRegion.length === 0) return null;
          const isos = inRegion.map((c) => c.iso2);
          const allSelected = isos.every((iso) => selectedCountries.includes(iso));
          const regionName = t(`programs.form.regions.${region}`);
          return (
            <div key={region} role="group" aria-labelledby={idOf(`region.${region}`)}>
              <div className="row justify-between">
                <p id={idOf(`region.${region}`)} className="m-0 text-strong">
                  {regionName}
                </p>
                <button type="button" className="btn-link btn" onClick={() => toggle("countryIsos", isos, !allSelected, selectedCountries)}>
                  {allSelected ? t("programs.form.clearRegion", { region: regionName }) : t("programs.form.selectRegion", { region: regionName })}
                </button>
              </div>
              <div className="option-grid">
                {inRegion.map((c) => checkbox("countryIsos", c.iso2, c.name, selectedCountries, !!countriesError))}
              </div>
            </div>
          );
        })}
        {errorLine("countryIsos", countriesError)}
      </fieldset>

      <fieldset className="field" aria-describedby={describedBy("categories", true, !!categoriesError)}>
        <legend>{t("programs.form.categoriesLegend")}</legend>
        <span className="hint" id={idOf("categories.hint")}>
          {t("programs.form.categoriesHint")}
        </span>
        <div className="option-grid option-grid-wide">
          {ASSISTANCE_CATEGORIES.map((c) => checkbox("categories", c, t(`common.categories.${c}`), selectedCategories, !!categoriesError))}
        </div>
        {errorLine("categories", categoriesError)}
      </fieldset>

      <fieldset className="field stack" aria-describedby={describedBy("rubric", true, !!rubricError)}>
        <legend>{t("programs.form.rubricLegend")}</legend>
        <span className="hint" id={idOf("rubric.hint")}>
          {t("programs.form.rubricHint")}
        </span>
        {isRubricLocked ? <p className="alert alert-info">{t("programs.edit.rubricLocked")}</p> : null}
        {rubric.fields.map((field, index) => {
          const number = index + 1;
          const cell = (name: "key" | "nameEn" | "nameEs" | "weight", label: string, widthClass: `field-width-${"xs" | "sm" | "md"}`) => {
            const path = `rubric.${index}.${name}`;
            const error = errorText(path);
            return (
              <div className={`field ${widthClass}`}>
                <label htmlFor={idOf(path)}>{label}</label>
                <input
                  id={idOf(path)}
                  type="text"
                  inputMode={name === "weight" ? "numeric" : undefined}
                  autoComplete="off"
                  readOnly={isRubricLocked}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy(path, name === "key", !!error)}
                  {...register(`rubric.${index}.${name}`)}
                />
                {name === "key" ? (
                  <span className="hint small" id={idOf(`${path}.hint`)}>
                    {t("programs.form.criterionKeyHint")}
                  </span>
                ) : null}
                {errorLine(path, error)}
              </div>
            );
          };
          return (
            <div key={field.id} className="card p-3" role="group" aria-labelledby={idOf(`rubric.${index}.legend`)}>
              <p id={idOf(`rubric.${index}.legend`)} className="m-0 mb-2 text-strong">
                {t("programs.form.criterion", { number })}
              </p>
              <div className="row items-start">
                {cell("key", t("programs.form.criterionKeyLabel"), "field-width-sm")}
                {cell("nameEn", t("programs.form.criterionNameEnLabel"), "field-width-md")}
                {cell("nameEs", t("programs.form.criterionNameEsLabel"), "field-width-md")}
                {cell("weight", t("programs.form.criterionWeightLabel"), "field-width-xs")}
              </div>
              {!isRubricLocked ? (
                <button type="button" className="btn" onClick={() => rubric.remove(index)} disabled={rubric.fields.length <= PROGRAM_LIMITS.rubricMin || busy}>
                  {t("programs.form.removeCriterion", { number })}
                </button>
              ) : null}
            </div>
          );
        })}
        <p role="status" aria-live="polite" className="muted">
          {t("programs.form.weightsTotal", { total: weightTotal })}
        </p>
        {errorLine("rubric", rubricError)}
        {!isRubricLocked ? (
          <div>
            <button
              type="button"
              className="btn"
              onClick={() => rubric.append({ key: "", nameEn: "", nameEs: "", weight: "" })}
              disabled={rubric.fields.length >= PROGRAM_LIMITS.rubricMax || busy}
            >
              {t("programs.form.addCriterion")}
            </button>
          </div>
        ) : null}
      </fieldset>

      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {mode === "create"
            ? busy
              ? t("programs.form.submittingCreate")
              : t("programs.form.submitCreate")
            : busy
              ? t("programs.form.submittingUpdate")
              : t("programs.form.submitUpdate")}
        </button>
        <Link href={cancelHref}>{t("programs.form.cancel")}</Link>
      </div>
    </form>
  );
}
