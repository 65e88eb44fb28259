import type { ComponentProps } from "react";
import { formatDateTime, formatMoney } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { ScreeningContext } from "@/lib/screening/queries";
import { CHECKLIST_KEYS, type AutomaticChecks } from "@/lib/screening/checks";
import { AutomaticCheckList } from "./check-list";
import { ScreeningForm, type CompleteScreeningAction } from "./screening-form";
import { StartScreeningButton } from "./start-screening-button";

/**
 * The screening of a request, for program officers: the start button while it is submitted; while in
 * screening, the programs for its country with their automatic checks beside the manual checklist,
 * the outcome and the message; and the past screenings. Renders nothing for anyone else (the page
 * passes null).
 */
export async function ScreeningPanel({
  context,
  startScreeningAction,
  completeAction,
}: {
  context: ScreeningContext | null;
  startScreeningAction: ComponentProps<typeof StartScreeningButton>["action"];
  completeAction: CompleteScreeningAction;
}) {
  if (!context || (!context.canStart && !context.canComplete && context.screenings.length === 0)) return null;
  const { t, locale } = await getI18n();
  const { request } = context;
  const programs = context.programs.map((p) => ({
    id: p.id,
    name: locale === "es" ? p.nameEs : p.nameEn,
    remaining: formatMoney(p.remainingMinor, p.currency, locale),
    cap: p.perAwardCapMinor === null ? null : formatMoney(p.perAwardCapMinor, p.currency, locale),
    isDemoFigures: p.isDemoFigures,
    isSuggested: p.isSuggested,
    isEligible: p.isEligible,
    checks: p.checks,
  }));
  // The best-ranked eligible program is proposed; the officer may choose another.
  const defaultProgramId = context.programs.find((p) => p.isEligible)?.id ?? "";

  return (
    <section className="card stack" aria-labelledby="screening-heading" data-testid="screening-panel">
      <h2 id="screening-heading">{t("officer.screening.heading")}</h2>
      {context.canStart ? <StartScreeningButton action={startScreeningAction} requestId={request.id} version={request.version} /> : null}
      {context.canComplete ? (
        <>
          <p>{t("officer.screening.intro")}</p>
          <p>
            <strong>{t("officer.screening.estimatedCost")}:</strong>{" "}
            {request.estimatedCostMinor === null
              ? t("officer.screening.costMissing")
              : formatMoney(request.estimatedCostMinor, request.currency, locale)}
            {request.category ? ` · ${t(`common.categories.${request.category}`)}` : null}
          </p>
          <ScreeningForm requestId={request.id} version={request.version} programs={programs} defaultProgramId={defaultProgramId} action={completeAction} />
        </>
      ) : null}
      {context.screenings.length > 0 ? (
        <div className="stack">
          <h3>{t("officer.screening.historyHeading")}</h3>
          <ol className="stack" data-testid="screening-history">
            {context.screenings.map((s) => {
              const program = locale === "es" ? s.programNameEs : s.programNameEn;
              return (
                <li key={s.id}>
                  <strong>{t("officer.screening.historyItem", { outcome: t(`officer.outcomes.${s.outcome}`), date: formatDateTime(s.createdAt, locale) })}</strong>{" "}
                  <span className="muted">{t("officer.screening.historyBy", { name: s.screenedByName ?? t("officer.screening.unknownOfficer") })}</span>
                  <br />
                  <span className="small">
                    {program ? t("officer.screening.historyProgram", { program }) : t("officer.screening.historyNoProgram")}
                  </span>
                  {s.programId ? <AutomaticCheckList checks={s.automaticChecks as AutomaticChecks} /> : null}
                  <ul className="small">
                    {CHECKLIST_KEYS.map((key) => (
                      <li key={key}>
                        {s.checklist[key] ? t("officer.checklist.checked") : t("officer.checklist.notChecked")}: {t(`officer.checklist.${key}`)}
                      </li>
                    ))}
                  </ul>
                  {s.note ? (
                    <p className="small text-pre m-0">
                      {t("officer.screening.historyNote", { note: s.note })}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
