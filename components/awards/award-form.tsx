"use client";

import Link from "next/link";
import { useWatch } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { AWARD_LIMITS } from "@/lib/awards/limits";
import type { AwardFormValues } from "@/lib/awards/schema";
import type { ActionResult } from "@/lib/errors";
import { AmountField, PeriodFields } from "./award-form-amount";
import { DeliverablesFieldset } from "./award-form-deliverables";
import { ProgramAndPartnerFields } from "./award-form-program";
import { TranchesFieldset } from "./award-form-tranches";
import type { AwardFormPartnerOption, AwardFormProgramOption } from "./award-form-types";
import { sumMinor } from "@/lib/amounts";

const loadAwardSchema = () => import("@/lib/awards/schema").then((m) => m.createAwardSchema);

export type { AwardFormPartnerOption, AwardFormProgramOption } from "./award-form-types";

interface AwardFormProps {
  /** The request, its version and the suggested amount and dates, as the form's raw values. */
  defaultValues: AwardFormValues;
  programs: AwardFormProgramOption[];
  partners: AwardFormPartnerOption[];
  cancelHref: string;
  /** Creates the award (createAwardAction); it redirects to the award on success. */
  action: (values: AwardFormValues) => Promise<ActionResult<unknown> | undefined | void>;
}

const rows = (list: string, count: number, names: readonly string[]) =>
  Array.from({ length: count }, (_, i) => names.map((name) => `${list}.${i}.${name}`)).flat();

// Every path with a field on screen. The rows are listed up to their maximum: a message can only come
// back for a row that was sent, and every row sent is on screen. The request and its version have no
// field, so a message on them (the request changed meanwhile) joins the form's alert.
const FIELDS = [
  "programId",
  "implementingPartnerId",
  "amount",
  "startsOn",
  "endsOn",
  "tranches",
  "deliverables",
  ...rows("tranches", AWARD_LIMITS.tranchesMax, ["amount", "plannedOn"]),
  ...rows("deliverables", AWARD_LIMITS.deliverablesMax, ["title", "dueOn"]),
];

/**
 * The officer's award form: program (with its remaining funds), implementing partner, amount, period,
 * 1 to 12 planned tranches whose sum is shown and checked as they are typed, and the first deliverables.
 * It checks with the same zod schema as the server, which checks again along with the database rules.
 */
export function AwardForm({ defaultValues, programs, partners, cancelHref, action }: AwardFormProps) {
  const { t } = useI18n();
  const form = useActionForm<AwardFormValues>({ schema: loadAwardSchema, action, defaultValues, fields: FIELDS });
  const [programId, amount, startsOn, endsOn] = useWatch({ control: form.control, name: ["programId", "amount", "startsOn", "endsOn"] });
  const program = programs.find((p) => p.id === programId) ?? null;
  const amountMinor = sumMinor([amount]);

  return (
    <form className="stack" {...form.formProps}>
      <FormAlert
        message={
          form.formError ? (
            <p className="m-0">
              <strong>{t("awards.form.errorSummaryTitle")}</strong> {form.formError}
            </p>
          ) : null
        }
        target={form.alertTarget}
      />
      <ProgramAndPartnerFields form={form} programs={programs} partners={partners} program={program} />
      <AmountField form={form} program={program} amountMinor={amountMinor} />
      <PeriodFields form={form} program={program} startsOn={startsOn} />
      <TranchesFieldset form={form} amountMinor={amountMinor} startsOn={startsOn} endsOn={endsOn} />
      <DeliverablesFieldset form={form} startsOn={startsOn} endsOn={endsOn} />
      <div className="row">
        <SubmitButton busy={form.busy} busyLabel={t("awards.form.submitting")}>
          {t("awards.form.submit")}
        </SubmitButton>
        <Link href={cancelHref}>{t("awards.form.cancel")}</Link>
      </div>
    </form>
  );
}
