"use client";

import { useId } from "react";
import { Controller } from "react-hook-form";
import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/field";
import { useFocusHandle } from "@/components/ui/focus-handle";
import { ASSISTANCE_CATEGORIES, REGIONS, type Region } from "@/lib/enums";
import type { ProgramFormValues } from "@/lib/programs/schema";
import { listError } from "./program-form-errors";

export interface ProgramFormCountry {
  iso2: string;
  name: string;
  region: Region;
}

export interface ProgramFormDonor {
  id: string;
  name: string;
}

type Form = ActionForm<ProgramFormValues>;

/** The donors who fund the program. */
export function ProgramDonors({ form, donors }: { form: Form; donors: ProgramFormDonor[] }) {
  const { t } = useI18n();
  return (
    <Controller
      control={form.control}
      name="donorIds"
      render={({ field }) => (
        <CheckboxGroup
          {...field}
          boxed
          label={t("programs.form.donorsLegend")}
          hint={t("programs.form.donorsHint")}
          error={listError(form.form.formState.errors, "donorIds", t)}
          options={donors.map((d) => ({ value: d.id, label: d.name }))}
        />
      )}
    />
  );
}

/** The assistance categories the program funds. */
export function ProgramCategories({ form }: { form: Form }) {
  const { t } = useI18n();
  return (
    <Controller
      control={form.control}
      name="categories"
      render={({ field }) => (
        <CheckboxGroup
          {...field}
          boxed
          optionsClassName="option-grid option-grid-wide"
          label={t("programs.form.categoriesLegend")}
          hint={t("programs.form.categoriesHint")}
          error={listError(form.form.formState.errors, "categories", t)}
          options={ASSISTANCE_CATEGORIES.map((c) => ({ value: c, label: t(`common.categories.${c}`) }))}
        />
      )}
    />
  );
}

/** The eligible countries, one group per region with a button that selects or clears the whole region. */
export function ProgramCountries({ form, countries }: { form: Form; countries: ProgramFormCountry[] }) {
  return <Controller control={form.control} name="countryIsos" render={({ field }) => <CountriesByRegion form={form} countries={countries} field={field} />} />;
}

interface CountriesField {
  value: string[];
  onChange: (value: string[]) => void;
  onBlur: () => void;
  ref: (instance: unknown) => void;
}

function CountriesByRegion({ form, countries, field }: { form: Form; countries: ProgramFormCountry[]; field: CountriesField }) {
  const { t } = useI18n();
  const uid = useId();
  const root = useFocusHandle<HTMLFieldSetElement>(field.ref, "input");
  const selected = field.value ?? [];
  const error = listError(form.form.formState.errors, "countryIsos", t);
  const hintId = `${uid}-hint`;
  const errorId = `${uid}-error`;
  // Each region's group holds its part of the one list.
  const setRegion = (isos: string[], chosen: string[]) => field.onChange([...selected.filter((iso) => !isos.includes(iso)), ...chosen]);
  return (
    <fieldset ref={root} className="field stack" aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend>{t("programs.form.countriesLegend")}</legend>
      <span className="hint" id={hintId}>
        {t("programs.form.countriesHint")}
      </span>
      {REGIONS.map((region) => {
        const inRegion = countries.filter((c) => c.region === region);
        if (inRegion.length === 0) return null;
        const isos = inRegion.map((c) => c.iso2);
        const isAllSelected = isos.every((iso) => selected.includes(iso));
        const regionName = t(`programs.form.regions.${region}`);
        return (
          <div key={region}>
            <CheckboxGroup
              label={<span className="text-strong">{regionName}</span>}
              optionsClassName="option-grid"
              value={selected.filter((iso) => isos.includes(iso))}
              onChange={(chosen) => setRegion(isos, chosen)}
              onBlur={field.onBlur}
              options={inRegion.map((c) => ({ value: c.iso2, label: c.name }))}
            />
            <Button variant="link" onClick={() => setRegion(isos, isAllSelected ? [] : isos)}>
              {isAllSelected ? t("programs.form.clearRegion", { region: regionName }) : t("programs.form.selectRegion", { region: regionName })}
            </Button>
          </div>
        );
      })}
      <FieldError id={errorId}>{error}</FieldError>
    </fieldset>
  );
}
