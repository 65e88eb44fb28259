"use client";

import { useId } from "react";
import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FieldError, fieldIds } from "@/components/ui/field";
import { AutomaticCheckList } from "./check-list";
import type { ScreeningFormProgram, ScreeningFormValues } from "./screening-form";

/**
 * The program to screen against: each a card with its funds, cap and automatic checks (which describe
 * its radio), then "no program". The browser's own radios: a card holds more than a label and a hint.
 */
export function ScreeningProgramChoice({ form, programs }: { form: ActionForm<ScreeningFormValues>; programs: ScreeningFormProgram[] }) {
  const { t } = useI18n();
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const error = form.fieldError("programId");
  const { hintId, errorId, describedBy } = fieldIds(uid, true, error);
  const radio = form.register("programId");
  return (
    <fieldset className="field" aria-describedby={describedBy}>
      <legend>{t("officer.screening.programLegend")}</legend>
      <span className="hint" id={hintId}>
        {programs.length === 0 ? t("officer.screening.programNone") : t("officer.screening.programHint")}
      </span>
      {programs.map((p) => (
        <div key={p.id} className="card stack p-3" data-testid={`screening-program-${p.id}`}>
          <div className="checkbox">
            <input id={id(`program-${p.id}`)} type="radio" value={p.id} aria-describedby={id(`program-${p.id}-checks`)} {...radio} />
            <label htmlFor={id(`program-${p.id}`)}>
              <strong>{p.name}</strong>
            </label>
          </div>
          <p className="small m-0">
            {p.isSuggested ? <span className="badge">{t("officer.screening.suggested")}</span> : null}{" "}
            {t("officer.screening.remaining", { amount: p.remaining })} ·{" "}
            {p.cap ? t("officer.screening.cap", { amount: p.cap }) : t("officer.screening.noCap")}
            {p.isDemoFigures ? <span className="muted"> ({t("officer.screening.demoFigures")})</span> : null}
          </p>
          <AutomaticCheckList checks={p.checks} id={id(`program-${p.id}-checks`)} />
          {!p.isEligible ? <p className="small muted m-0">{t("officer.screening.notEligible")}</p> : null}
        </div>
      ))}
      <div className="checkbox">
        <input id={id("program-none")} type="radio" value="" {...radio} />
        <label htmlFor={id("program-none")}>{t("officer.screening.noProgram")}</label>
      </div>
      <FieldError id={errorId}>{error}</FieldError>
    </fieldset>
  );
}
