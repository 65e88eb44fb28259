"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { NativeSelect } from "@/components/ui/native-select";
import { ASSISTANCE_CATEGORIES, type AssistanceCategory } from "@/lib/enums";
import { CATEGORY_FIELDS } from "@/lib/requests/fields";
import { DetailInput } from "./detail-input";
import { isCategory } from "./detail-fields";
import { pickCategoryDetails } from "./form-values";
import { RequiredToSubmit, type RequestSectionProps } from "./request-form-parts";
import type { RequestFormProgram } from "./program-choices";

/** The category; changing it drops the details and programs that do not belong to the new one. */
export function CategorySelect({
  form,
  idOf,
  programsByCategory,
}: RequestSectionProps & { programsByCategory: Partial<Record<AssistanceCategory, RequestFormProgram[]>> }) {
  const { t } = useI18n();
  const { getValues, setValue } = form.form;

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

  return (
    <NativeSelect
      id={idOf("category")}
      label={
        <>
          {t("requests.form.categoryLabel")}
          <RequiredToSubmit />
        </>
      }
      hint={t("requests.form.categoryHint")}
      options={[{ value: "", label: t("requests.form.choose") }, ...ASSISTANCE_CATEGORIES.map((c) => ({ value: c, label: t(`common.categories.${c}`) }))]}
      {...form.register("category", { onChange: (event: { target: { value: string } }) => onCategoryChange(event.target.value) })}
      error={form.fieldError("category")}
    />
  );
}

/** The chosen category's own fields (a marking machine count, a destruction method...). */
export function CategoryDetails({ form, idOf, category }: RequestSectionProps & { category: AssistanceCategory | null }) {
  const { t } = useI18n();
  const spec = category ? CATEGORY_FIELDS[category] : null;
  const required = new Set(spec?.required ?? []);
  return (
    <fieldset className="field stack">
      <legend>{category ? t("requests.form.detailsLegend", { category: t(`common.categories.${category}`) }) : t("requests.detail.detailsHeading")}</legend>
      {!spec ? (
        <p className="hint">{t("requests.form.detailsChooseCategory")}</p>
      ) : spec.fields.length === 0 ? (
        <p className="hint">{t("requests.form.detailsNone")}</p>
      ) : (
        spec.fields.map((field) => <DetailInput key={field} form={form} idOf={idOf} field={field} required={required.has(field)} />)
      )}
    </fieldset>
  );
}
