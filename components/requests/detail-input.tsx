"use client";

import { Controller } from "react-hook-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { NativeSelect } from "@/components/ui/native-select";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { MessageKey } from "@/lib/i18n/translate";
import type { DetailField } from "@/lib/requests/fields";
import { DETAIL_FIELD_KINDS, choiceLabelKey } from "./detail-fields";
import { errorOf, RequiredToSubmit, type RequestSectionProps } from "./request-form-parts";

/** One category detail, entered as its kind says: a number, a text, a choice or yes/no. */
export function DetailInput({ form, idOf, field, required }: RequestSectionProps & { field: DetailField; required: boolean }) {
  const { t } = useI18n();
  const path = `details.${field}` as const;
  const spec = DETAIL_FIELD_KINDS[field];
  const label = (
    <>
      {t(`requests.details.${field}.label`)}
      <RequiredToSubmit when={required} />
    </>
  );
  const hint = t(`requests.details.${field}.hint`);
  const error = errorOf(form, path, t);
  if (spec.kind === "boolean") {
    return (
      <Controller
        control={form.control}
        name={path}
        render={({ field: control }) => (
          <RadioGroup
            {...control}
            value={control.value ?? ""}
            label={label}
            hint={hint}
            error={error}
            boxed
            options={[
              { value: "true", label: t("common.yes") },
              { value: "false", label: t("common.no") },
            ]}
          />
        )}
      />
    );
  }

  const common = { id: idOf(path), label, hint, ...form.register(path), error };
  switch (spec.kind) {
    case "choice":
      return (
        <NativeSelect
          {...common}
          options={[
            { value: "", label: t("requests.form.choose") },
            ...spec.options.map((option) => ({ value: option, label: t(choiceLabelKey(field, option) as MessageKey) })),
          ]}
        />
      );
    case "longText":
      return <TextArea rows={4} maxLength={spec.maxLength} {...common} />;
    case "shortText":
      return <TextField autoComplete="off" maxLength={spec.maxLength} {...common} />;
    default:
      return <TextField inputMode={spec.kind === "int" ? "numeric" : "decimal"} autoComplete="off" maxLength={20} {...common} />;
  }
}
