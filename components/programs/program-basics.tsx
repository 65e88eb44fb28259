"use client";

import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { MoneyField, TextField } from "@/components/ui/text-field";
import { NativeSelect } from "@/components/ui/native-select";
import { PROGRAM_CURRENCIES, PROGRAM_LIMITS } from "@/lib/programs/limits";
import type { ProgramFormValues } from "@/lib/programs/schema";

/** The program's key (new programs only), names in both languages, currency and amounts. */
export function ProgramBasics({ form, hasKey }: { form: ActionForm<ProgramFormValues>; hasKey: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {hasKey ? (
        <TextField
          label={t("programs.form.keyLabel")}
          hint={t("programs.form.keyHint")}
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={PROGRAM_LIMITS.keyMax}
          {...form.field("key")}
        />
      ) : null}
      <TextField
        label={t("programs.form.nameEnLabel")}
        hint={t("programs.form.nameHint")}
        required
        autoComplete="off"
        maxLength={PROGRAM_LIMITS.nameMax}
        {...form.field("nameEn")}
      />
      <TextField
        label={t("programs.form.nameEsLabel")}
        hint={t("programs.form.nameHint")}
        required
        autoComplete="off"
        maxLength={PROGRAM_LIMITS.nameMax}
        {...form.field("nameEs")}
      />
      <NativeSelect
        label={t("programs.form.currencyLabel")}
        hint={t("programs.form.currencyHint")}
        className="max-w-short"
        options={PROGRAM_CURRENCIES.map((c) => ({ value: c, label: c }))}
        {...form.field("currency")}
      />
      <MoneyField label={t("programs.form.ceilingLabel")} hint={t("programs.form.ceilingHint")} required className="max-w-field" {...form.field("ceiling")} />
      <MoneyField label={t("programs.form.capLabel")} hint={t("programs.form.capHint")} className="max-w-field" {...form.field("perAwardCap")} />
      <MoneyField
        label={t("programs.form.thresholdLabel")}
        hint={t("programs.form.thresholdHint")}
        required
        className="max-w-field"
        {...form.field("approvalThreshold")}
      />
    </>
  );
}
