"use client";

import Link from "next/link";
import { useId, useMemo, useRef, useState, useTransition } from "react";
import { get, useFieldArray, useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createAwardAction } from "@/app/awards/actions";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useI18n } from "@/components/i18n/i18n-provider";
import { AWARD_LIMITS, createAwardSchema, type AwardFormValues } from "@/lib/awards/schema";
import { sumMinor } from "@/lib/money";
import { translateIssue } from "@/lib/forms/zod";
import { formatDate, formatMoney } from "@/lib/i18n/format";

/** A program the form offers, with its funds and rules (from getAwardFormContext). */
export interface AwardFormProgramOption {
  id: string;
  nameEn: string;
  nameEs: string;
  currency: string;
  startsOn: string;
  endsOn: string;
  ceilingMinor: number;
  committedMinor: number;
  remainingMinor: number;
  approvalThresholdMinor: number;
  perAwardCapMinor: number | null;
  isDemoFigures: boolean;
  isProposed: boolean;
}

export interface AwardFormPartnerOption {
  id: string;
  name: string;
}

interface AwardFormProps {
  /** The request, its version and the suggested amount and dates, as the form's raw values. */
  defaultValues: AwardFormValues;
  programs: AwardFormProgramOption[];
  partners: AwardFormPartnerOption[];
  cancelHref: string;
}

const TOP_FIELDS = ["programId", "implementingPartnerId", "amount", "startsOn", "endsOn", "tranches", "deliverables"] as const;
const ROW_FIELD = /^(tranches|deliverables)\.(\d+)\.(amount|plannedOn|title|dueOn)$/;

/**
 * The officer's award form: program (with its remaining funds), implementing partner, amount, period,
 * 1 to 12 planned tranches whose sum is shown and checked as they are typed, and the first deliverables.
 * It checks with the same zod schema as the server, which checks again along with the database rules.
 */
export function AwardForm({ defaultValues, programs, partners, cancelHref }: AwardFormProps) {
  const { t, locale } = useI18n();
  const uid = useId();
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);
  const inFlight = useRef(false);
  const hydrated = useHydrated();

  const resolver = useMemo(() => zodResolver(createAwardSchema) as unknown as Resolver<AwardFormValues>, []);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AwardFormValues>({ resolver, defaultValues, reValidateMode: "onChange" });
  const tranches = useFieldArray({ control, name: "tranches" });
  const deliverables = useFieldArray({ control, name: "deliverables" });

  const programId = useWatch({ control, name: "programId" });
  const amount = useWatch({ control, name: "amount" });
  const startsOn = useWatch({ control, name: "startsOn" });
  const endsOn = useWatch({ control, name: "endsOn" });
  const trancheValues = useWatch({ control, name: "tranches" });
  const program = programs.find((p) => p.id === programId) ?? null;
  const amountMinor = sumMinor([amount]);
  const trancheSum = sumMinor((trancheValues ?? []).map((row) => row?.amount));
  const difference = amountMinor - trancheSum;

  const money = (minor: number) => formatMoney(minor, "USD", locale);
  const nameOf = (p: { nameEn: string; nameEs: string }) => (locale === "es" ? p.nameEs : p.nameEn);
  const idOf = (path: string) => `${uid}-${path.replace(/\./g, "-")}`;
  const errorText = (path: string): string | undefined => {
    const node = get(errors, path) as { message?: string; root?: { message?: string } } | undefined;
    const message = node?.message ?? node?.root?.message;
    return message ? translateIssue(message, t) : undefined;
  };
  const describedBy = (path: string, hasHint: boolean, hasError: boolean) =>
    [hasHint ? idOf(`${path}.hint`) : null, hasError ? idOf(`${path}.error`) : null].filter(Boolean).join(" ") || undefined;
  const errorLine = (path: string, text: string | undefined) =>
    text ? (
      <p className="field-error" id={idOf(`${path}.error`)}>
        {text}
      </p>
    ) : null;

  function isRendered(path: string): boolean {
    if ((TOP_FIELDS as readonly string[]).includes(path)) return true;
    const match = ROW_FIELD.exec(path);
    if (!match) return false;
    const rows = match[1] === "tranches" ? tranches.fields.length : deliverables.fields.length;
    return Number(match[2]) < rows;
  }

  // Inside a transition: a redirect from the action (its success) reaches Next's redirect boundary
  // instead of surfacing here as an error, and the button stays disabled until the next page arrives.
  function submit(values: AwardFormValues) {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    setUnplaced([]);
    startTransition(async () => {
      const result = await createAwardAction(values);
      if (!result || result.ok) return;
      inFlight.current = false;
      const notShown: string[] = [];
      let focused = false;
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        if (!isRendered(path)) {
          notShown.push(text);
          continue;
        }
        const target = path === "tranches" || path === "deliverables" ? `${path}.root` : path;
        setError(target as FieldPath<AwardFormValues>, { type: "server", message: text }, { shouldFocus: !focused && target === path });
        focused = focused || target === path;
      }
      startTransition(() => {
        setFormError(result.formError ?? t("common.errors.invalidInput"));
        setUnplaced(notShown);
      });
      if (!focused) requestAnimationFrame(() => alertRef.current?.focus());
    });
  }

  const busy = isPending || isSubmitting;
  const programError = errorText("programId");
  const partnerError = errorText("implementingPartnerId");
  const amountError = errorText("amount");
  const startsError = errorText("startsOn");
  const endsError = errorText("endsOn");
  const tranchesError = errorText("tranches");
  const deliverablesError = errorText("deliverables");
  const shownFormError = formError ?? (Object.keys(errors).length > 0 ? t("common.errors.invalidInput") : null);

  return (
    <form
      className="stack"
      noValidate
      aria-busy={busy}
      data-hydrated={hydrated ? "true" : undefined}
      onSubmit={(event) => void handleSubmit(submit, () => setFormError(t("common.errors.invalidInput")))(event)}
    >
      {/* Always present, so the live region exists before its message arrives and can take focus. */}
      <div ref={alertRef} tabIndex={-1} role="alert" className={shownFormError ? "alert alert-error stack" : undefined}>
        {shownFormError ? (
          <>
            <p className="m-0">
              <strong>{t("awards.form.errorSummaryTitle")}</strong> {shownFormError}
            </p>
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

      <div className="field">
        <label htmlFor={idOf("programId")}>{t("awards.form.programLabel")}</label>
        <span className="hint" id={idOf("programId.hint")}>
          {t("awards.form.programHint")}
        </span>
        <select
          id={idOf("programId")}
          aria-required="true"
          aria-invalid={programError ? true : undefined}
          aria-describedby={describedBy("programId", true, !!programError)}
          {...register("programId")}
        >
          <option value="">{t("awards.form.choose")}</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {t("awards.form.programOption", { name: nameOf(p), remaining: money(p.remainingMinor) })}
              {p.isProposed ? ` · ${t("awards.form.proposed")}` : ""}
            </option>
          ))}
        </select>
        {errorLine("programId", programError)}
        {program ? (
          <div className="alert alert-info small" data-testid="award-program-facts">
            <p className="m-0">
              {t("awards.form.programFacts", {
                start: formatDate(program.startsOn, locale),
                end: formatDate(program.endsOn, locale),
                ceiling: money(program.ceilingMinor),
                committed: money(program.committedMinor),
                remaining: money(program.remainingMinor),
              })}{" "}
              {program.isDemoFigures ? <span className="badge">{t("awards.form.demoFigures")}</span> : null}
            </p>
            <p className="m-0">{t("awards.form.programThreshold", { threshold: money(program.approvalThresholdMinor) })}</p>
            {program.perAwardCapMinor !== null ? (
              <p className="m-0">{t("awards.form.programCap", { cap: money(program.perAwardCapMinor) })}</p>
            ) : null}
          </div>
        ) : null}
      </div>

      <div className="field">
        <label htmlFor={idOf("implementingPartnerId")}>{t("awards.form.partnerLabel")}</label>
        <span className="hint" id={idOf("implementingPartnerId.hint")}>
          {t("awards.form.partnerHint")}
        </span>
        <select
          id={idOf("implementingPartnerId")}
          aria-required="true"
          aria-invalid={partnerError ? true : undefined}
          aria-describedby={describedBy("implementingPartnerId", true, !!partnerError)}
          {...register("implementingPartnerId")}
        >
          <option value="">{t("awards.form.choose")}</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {errorLine("implementingPartnerId", partnerError)}
      </div>

      <div className="field">
        <label htmlFor={idOf("amount")}>{t("awards.form.amountLabel")}</label>
        <span className="hint" id={idOf("amount.hint")}>
          {t("awards.form.amountHint")}
        </span>
        <input
          id={idOf("amount")}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-required="true"
          aria-invalid={amountError ? true : undefined}
          aria-describedby={describedBy("amount", true, !!amountError)}
          className="max-w-field"
          {...register("amount")}
        />
        {errorLine("amount", amountError)}
        {program && amountMinor > program.remainingMinor ? (
          <p className="field-error" role="status">
            {t("awards.form.overRemaining")}
          </p>
        ) : program && amountMinor > program.approvalThresholdMinor ? (
          <p className="muted small" role="status">
            {t("awards.form.pendingNote")}
          </p>
        ) : null}
      </div>

      <fieldset className="field" aria-describedby={idOf("period.hint")}>
        <legend>{t("awards.form.periodLegend")}</legend>
        <span className="hint" id={idOf("period.hint")}>
          {t("awards.form.periodHint")}
        </span>
        <div className="row items-start">
          <div className="field">
            <label htmlFor={idOf("startsOn")}>{t("awards.form.startsOnLabel")}</label>
            <input
              id={idOf("startsOn")}
              type="date"
              min={program?.startsOn}
              max={program?.endsOn}
              aria-required="true"
              aria-invalid={startsError ? true : undefined}
              aria-describedby={describedBy("startsOn", false, !!startsError)}
              {...register("startsOn")}
            />
            {errorLine("startsOn", startsError)}
          </div>
          <div className="field">
            <label htmlFor={idOf("endsOn")}>{t("awards.form.endsOnLabel")}</label>
            <input
              id={idOf("endsOn")}
              type="date"
              min={startsOn || program?.startsOn}
              max={program?.endsOn}
              aria-required="true"
              aria-invalid={endsError ? true : undefined}
              aria-describedby={describedBy("endsOn", false, !!endsError)}
              {...register("endsOn")}
            />
            {errorLine("endsOn", endsError)}
          </div>
        </div>
      </fieldset>

      <fieldset className="field stack" aria-describedby={[idOf("tranches.hint"), idOf("tranches.sum"), tranchesError ? idOf("tranches.error") : null].filter(Boolean).join(" ")}>
        <legend>{t("awards.form.tranchesLegend")}</legend>
        <span className="hint" id={idOf("tranches.hint")}>
          {t("awards.form.tranchesHint")}
        </span>
        {tranches.fields.map((field, index) => {
          const amountPath = `tranches.${index}.amount`;
          const datePath = `tranches.${index}.plannedOn`;
          const rowAmountError = errorText(amountPath);
          const rowDateError = errorText(datePath);
          const number = index + 1;
          return (
            <div key={field.id} className="card p-3" role="group" aria-labelledby={idOf(`tranches.${index}.legend`)}>
              <p id={idOf(`tranches.${index}.legend`)} className="m-0 mb-2 text-strong">
                {t("awards.form.tranche", { number })}
              </p>
              <div className="row items-end">
                <div className="field">
                  <label htmlFor={idOf(amountPath)}>{t("awards.form.trancheAmountLabel")}</label>
                  <input
                    id={idOf(amountPath)}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    aria-invalid={rowAmountError ? true : undefined}
                    aria-describedby={describedBy(amountPath, false, !!rowAmountError)}
                    {...register(`tranches.${index}.amount`)}
                  />
                </div>
                <div className="field">
                  <label htmlFor={idOf(datePath)}>{t("awards.form.tranchePlannedOnLabel")}</label>
                  <input
                    id={idOf(datePath)}
                    type="date"
                    min={startsOn || undefined}
                    max={endsOn || undefined}
                    aria-invalid={rowDateError ? true : undefined}
                    aria-describedby={describedBy(datePath, false, !!rowDateError)}
                    {...register(`tranches.${index}.plannedOn`)}
                  />
                </div>
                <button
                  type="button"
                  className="btn"
                  onClick={() => tranches.remove(index)}
                  disabled={tranches.fields.length <= AWARD_LIMITS.tranchesMin || busy}
                >
                  {t("awards.form.removeTranche", { number })}
                </button>
              </div>
              {errorLine(amountPath, rowAmountError)}
              {errorLine(datePath, rowDateError)}
            </div>
          );
        })}
        <p id={idOf("tranches.sum")} role="status" aria-live="polite" data-testid="tranches-sum">
          {t("awards.form.tranchesSum", { sum: money(trancheSum), amount: money(amountMinor) })}{" "}
          {difference === 0 ? (
            <span className="badge badge-success">{t("awards.form.tranchesMatch")}</span>
          ) : difference > 0 ? (
            <span className="badge">{t("awards.form.tranchesLeft", { difference: money(difference) })}</span>
          ) : (
            <span className="badge badge-danger">{t("awards.form.tranchesOver", { difference: money(-difference) })}</span>
          )}
        </p>
        {errorLine("tranches", tranchesError)}
        <div>
          <button
            type="button"
            className="btn"
            onClick={() => tranches.append({ amount: difference > 0 ? minorToInput(difference) : "", plannedOn: "" })}
            disabled={tranches.fields.length >= AWARD_LIMITS.tranchesMax || busy}
          >
            {t("awards.form.addTranche")}
          </button>
        </div>
      </fieldset>

      <fieldset className="field stack" aria-describedby={idOf("deliverables.hint")}>
        <legend>{t("awards.form.deliverablesLegend")}</legend>
        <span className="hint" id={idOf("deliverables.hint")}>
          {t("awards.form.deliverablesHint")}
        </span>
        {deliverables.fields.length === 0 ? <p className="muted">{t("awards.form.deliverablesNone")}</p> : null}
        {deliverables.fields.map((field, index) => {
          const titlePath = `deliverables.${index}.title`;
          const duePath = `deliverables.${index}.dueOn`;
          const titleError = errorText(titlePath);
          const dueError = errorText(duePath);
          const number = index + 1;
          return (
            <div key={field.id} className="card p-3" role="group" aria-labelledby={idOf(`deliverables.${index}.legend`)}>
              <p id={idOf(`deliverables.${index}.legend`)} className="m-0 mb-2 text-strong">
                {t("awards.form.deliverable", { number })}
              </p>
              <div className="row items-end">
                <div className="field field-width-lg">
                  <label htmlFor={idOf(titlePath)}>{t("awards.form.deliverableTitleLabel")}</label>
                  <input
                    id={idOf(titlePath)}
                    type="text"
                    maxLength={AWARD_LIMITS.deliverableTitleMax}
                    aria-invalid={titleError ? true : undefined}
                    aria-describedby={describedBy(titlePath, false, !!titleError)}
                    {...register(`deliverables.${index}.title`)}
                  />
                </div>
                <div className="field">
                  <label htmlFor={idOf(duePath)}>{t("awards.form.deliverableDueOnLabel")}</label>
                  <input
                    id={idOf(duePath)}
                    type="date"
                    min={startsOn || undefined}
                    max={endsOn || undefined}
                    aria-invalid={dueError ? true : undefined}
                    aria-describedby={describedBy(duePath, false, !!dueError)}
                    {...register(`deliverables.${index}.dueOn`)}
                  />
                </div>
                <button type="button" className="btn" onClick={() => deliverables.remove(index)} disabled={busy}>
                  {t("awards.form.removeDeliverable", { number })}
                </button>
              </div>
              {errorLine(titlePath, titleError)}
              {errorLine(duePath, dueError)}
            </div>
          );
        })}
        {errorLine("deliverables", deliverablesError)}
        <div>
          <button
            type="button"
            className="btn"
            onClick={() => deliverables.append({ title: "", dueOn: "" })}
            disabled={deliverables.fields.length >= AWARD_LIMITS.deliverablesMax || busy}
          >
            {t("awards.form.addDeliverable")}
          </button>
        </div>
      </fieldset>

      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("awards.form.submitting") : t("awards.form.submit")}
        </button>
        <Link href={cancelHref}>{t("awards.form.cancel")}</Link>
      </div>
    </form>
  );
}

/** 1234567 -> "12345.67": what is left to allocate, put into a new tranche's amount. */
function minorToInput(minor: number): string {
  const cents = minor % 100;
  return cents === 0 ? String(Math.floor(minor / 100)) : `${Math.floor(minor / 100)}.${String(cents).padStart(2, "0")}`;
}
