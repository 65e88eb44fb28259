"use client";

import { useId } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { MoneyField, TextField } from "@/components/ui/text-field";
import { AWARD_LIMITS } from "@/lib/awards/limits";
import type { AwardFormValues } from "@/lib/awards/schema";
import { sumMinor } from "@/lib/amounts";
import { formatMoney } from "@/lib/i18n/format";

type Form = ActionForm<AwardFormValues>;

/** 1234567 -> "12345.67": what is left to allocate, put into a new tranche's amount. */
export function minorToInput(minor: number): string {
  const cents = minor % 100;
  return cents === 0 ? String(Math.floor(minor / 100)) : `${Math.floor(minor / 100)}.${String(cents).padStart(2, "0")}`;
}

interface RowProps {
  form: Form;
  index: number;
  startsOn: string;
  endsOn: string;
  canRemove: boolean;
  onRemove: () => void;
}

/** One tranche: its amount and planned date (within the award's period), and its remove button. */
function TrancheRow({ form, index, startsOn, endsOn, canRemove, onRemove }: RowProps) {
  const { t } = useI18n();
  const legendId = `${useId()}-legend`;
  const number = index + 1;
  return (
    <div className="card p-3" role="group" aria-labelledby={legendId}>
      <p id={legendId} className="m-0 mb-2 text-strong">
        {t("awards.form.tranche", { number })}
      </p>
      <div className="row items-end">
        <MoneyField label={t("awards.form.trancheAmountLabel")} {...form.field(`tranches.${index}.amount`)} />
        <TextField
          type="date"
          label={t("awards.form.tranchePlannedOnLabel")}
          min={startsOn || undefined}
          max={endsOn || undefined}
          {...form.field(`tranches.${index}.plannedOn`)}
        />
        <Button onClick={onRemove} disabled={!canRemove || form.busy}>
          {t("awards.form.removeTranche", { number })}
        </Button>
      </div>
    </div>
  );
}

/** The running sum of the tranches against the amount: matching, still to allocate, or over. */
function TranchesSum({ id, sum, amountMinor }: { id: string; sum: number; amountMinor: number }) {
  const { t, locale } = useI18n();
  const money = (minor: number) => formatMoney(minor, "USD", locale);
  const difference = amountMinor - sum;
  return (
    <p id={id} role="status" aria-live="polite" data-testid="tranches-sum">
      {t("awards.form.tranchesSum", { sum: money(sum), amount: money(amountMinor) })}{" "}
      {difference === 0 ? (
        <Badge tone="success">{t("awards.form.tranchesMatch")}</Badge>
      ) : difference > 0 ? (
        <Badge>{t("awards.form.tranchesLeft", { difference: money(difference) })}</Badge>
      ) : (
        <Badge tone="danger">{t("awards.form.tranchesOver", { difference: money(-difference) })}</Badge>
      )}
    </p>
  );
}

/**
 * The planned tranches: 1 to 12 rows, their sum shown as they are typed; a new tranche starts with what
 * is still to allocate.
 */
export function TranchesFieldset({ form, amountMinor, startsOn, endsOn }: { form: Form; amountMinor: number; startsOn: string; endsOn: string }) {
  const { t } = useI18n();
  const id = useId();
  const tranches = useFieldArray({ control: form.control, name: "tranches" });
  const values = useWatch({ control: form.control, name: "tranches" });
  const sum = sumMinor((values ?? []).map((row) => row?.amount));
  const difference = amountMinor - sum;
  const error = form.fieldError("tranches");
  const describedBy = [`${id}-hint`, `${id}-sum`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="field stack" aria-describedby={describedBy}>
      <legend>{t("awards.form.tranchesLegend")}</legend>
      <span className="hint" id={`${id}-hint`}>
        {t("awards.form.tranchesHint")}
      </span>
      {tranches.fields.map((field, index) => (
        <TrancheRow
          key={field.id}
          form={form}
          index={index}
          startsOn={startsOn}
          endsOn={endsOn}
          canRemove={tranches.fields.length > AWARD_LIMITS.tranchesMin}
          onRemove={() => tranches.remove(index)}
        />
      ))}
      <TranchesSum id={`${id}-sum`} sum={sum} amountMinor={amountMinor} />
      <FieldError id={`${id}-error`}>{error}</FieldError>
      <div>
        <Button
          onClick={() => tranches.append({ amount: difference > 0 ? minorToInput(difference) : "", plannedOn: "" })}
          disabled={tranches.fields.length >= AWARD_LIMITS.tranchesMax || form.busy}
        >
          {t("awards.form.addTranche")}
        </Button>
      </div>
    </fieldset>
  );
}
