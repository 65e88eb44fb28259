"use client";

import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { NativeSelect } from "@/components/ui/native-select";
import type { AwardFormValues } from "@/lib/awards/schema";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { AwardFormPartnerOption, AwardFormProgramOption } from "./award-form-types";

/** The program's period, funds, approval threshold and cap, under the program chosen. */
function ProgramFacts({ program }: { program: AwardFormProgramOption }) {
  const { t, locale } = useI18n();
  const money = (minor: number) => formatMoney(minor, "USD", locale);
  return (
    <div className="alert alert-info small" data-testid="award-program-facts">
      <p className="m-0">
        {t("awards.form.programFacts", {
          start: formatDate(program.startsOn, locale),
          end: formatDate(program.endsOn, locale),
          ceiling: money(program.ceilingMinor),
          committed: money(program.committedMinor),
          remaining: money(program.remainingMinor),
        })}{" "}
        {program.isDemoFigures ? <Badge>{t("awards.form.demoFigures")}</Badge> : null}
      </p>
      <p className="m-0">{t("awards.form.programThreshold", { threshold: money(program.approvalThresholdMinor) })}</p>
      {program.perAwardCapMinor !== null ? <p className="m-0">{t("awards.form.programCap", { cap: money(program.perAwardCapMinor) })}</p> : null}
    </div>
  );
}

/** The program (each with its remaining funds, the chosen one's facts below it) and the implementing partner. */
export function ProgramAndPartnerFields({
  form,
  programs,
  partners,
  program,
}: {
  form: ActionForm<AwardFormValues>;
  programs: readonly AwardFormProgramOption[];
  partners: readonly AwardFormPartnerOption[];
  /** The program chosen, if any. */
  program: AwardFormProgramOption | null;
}) {
  const { t, locale } = useI18n();
  const choose = { value: "", label: t("awards.form.choose") };
  const programOptions = programs.map((p) => ({
    value: p.id,
    label:
      t("awards.form.programOption", { name: locale === "es" ? p.nameEs : p.nameEn, remaining: formatMoney(p.remainingMinor, "USD", locale) }) +
      (p.isProposed ? ` · ${t("awards.form.proposed")}` : ""),
  }));
  return (
    <>
      <div className="stack-tight">
        <NativeSelect label={t("awards.form.programLabel")} hint={t("awards.form.programHint")} required options={[choose, ...programOptions]} {...form.field("programId")} />
        {program ? <ProgramFacts program={program} /> : null}
      </div>
      <NativeSelect
        label={t("awards.form.partnerLabel")}
        hint={t("awards.form.partnerHint")}
        required
        options={[choose, ...partners.map((p) => ({ value: p.id, label: p.name }))]}
        {...form.field("implementingPartnerId")}
      />
    </>
  );
}
