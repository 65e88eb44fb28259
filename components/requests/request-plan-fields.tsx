"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { NativeSelect } from "@/components/ui/native-select";
import { MoneyField, TextField } from "@/components/ui/text-field";
import { URGENCIES } from "@/lib/enums";
import { RequiredToSubmit, type RequestSectionProps } from "./request-form-parts";

/** What it costs, how urgent it is and when it should start: all three required to submit. */
export function RequestPlanFields({ form, idOf }: RequestSectionProps) {
  const { t } = useI18n();
  const required = (label: string) => (
    <>
      {label}
      <RequiredToSubmit />
    </>
  );
  return (
    <>
      <MoneyField
        id={idOf("estimatedCost")}
        label={required(t("requests.form.costLabel"))}
        hint={t("requests.form.costHint")}
        maxLength={20}
        {...form.field("estimatedCost")}
      />
      <NativeSelect
        id={idOf("urgency")}
        label={required(t("requests.form.urgencyLabel"))}
        hint={t("requests.form.urgencyHint")}
        options={[{ value: "", label: t("requests.form.choose") }, ...URGENCIES.map((u) => ({ value: u, label: t(`requests.urgency.${u}`) }))]}
        {...form.field("urgency")}
      />
      {/* The browser's own date input (typed or picked, yyyy-mm-dd out), as before. */}
      <TextField
        id={idOf("desiredStartOn")}
        type="date"
        min="2000-01-01"
        max="2100-12-31"
        label={required(t("requests.form.startLabel"))}
        hint={t("requests.form.startHint")}
        {...form.field("desiredStartOn")}
      />
    </>
  );
}
