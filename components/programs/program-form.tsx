"use client";

import Link from "next/link";
import { useRef } from "react";
import type { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";
import { PROGRAM_LIMITS } from "@/lib/programs/limits";
import type { createProgramSchema, ProgramFormValues, updateProgramSchema } from "@/lib/programs/schema";
import { ProgramBasics } from "./program-basics";
import { placeProgramErrors, programFieldPaths } from "./program-form-errors";
import { ProgramPeriod } from "./program-period";
import { ProgramRubric } from "./program-rubric";
import { ProgramCategories, ProgramCountries, ProgramDonors, type ProgramFormCountry, type ProgramFormDonor } from "./program-scope";

const loadCreateSchema = () => import("@/lib/programs/schema").then((m) => m.createProgramSchema);
const loadUpdateSchema = () => import("@/lib/programs/schema").then((m) => m.updateProgramSchema);

export type { ProgramFormCountry, ProgramFormDonor } from "./program-scope";

type ProgramFormProps = ProgramFormCommonProps &
  (
    | { mode: "create"; action: (input: z.input<typeof createProgramSchema>) => Promise<ActionResult | undefined> }
    | { mode: "edit"; programId: string; action: (input: z.input<typeof updateProgramSchema> & { programId: string }) => Promise<ActionResult | undefined> }
  );

interface ProgramFormCommonProps {
  defaultValues: ProgramFormValues;
  donors: ProgramFormDonor[];
  countries: ProgramFormCountry[];
  /** Reviews have used the rubric: it is shown but cannot be changed. */
  isRubricLocked?: boolean;
  cancelHref: string;
}

/** Sends the form's values to its server action (the program's id with an edit): redirects on success, returns the errors otherwise. */
function send(props: ProgramFormProps, values: ProgramFormValues): Promise<ActionResult | undefined> {
  // The resolver gives the schema's output; the server parses it again (the cast joins the two types).
  if (props.mode === "create") return props.action(values as z.input<typeof createProgramSchema>);
  return props.action({ ...(values as z.input<typeof updateProgramSchema>), programId: props.programId });
}

/**
 * The administrator's program form: names, currency, ceiling, cap, threshold, period, donors, eligible
 * countries and categories, and the scoring rubric. It checks with the same zod schema as the server.
 */
export function ProgramForm(props: ProgramFormProps) {
  const { mode, defaultValues, donors, countries, isRubricLocked = false, cancelHref } = props;
  const { t } = useI18n();
  const alert = useRef<HTMLDivElement | null>(null);
  const form = useActionForm<ProgramFormValues>({
    schema: mode === "create" ? loadCreateSchema : loadUpdateSchema,
    action: async (values) => {
      // The criteria sent are those on screen: a message on one no longer there joins the alert.
      const result = placeProgramErrors(await send(props, values), mode, values.rubric.length);
      // A message on the whole rubric stands under it, which cannot take focus: the alert takes it.
      const placed = result && !result.ok ? Object.keys(result.fieldErrors ?? {}) : [];
      if (placed.length > 0 && placed.every((path) => path === "rubric")) requestAnimationFrame(() => alert.current?.focus());
      return result;
    },
    defaultValues,
    fields: programFieldPaths(mode, PROGRAM_LIMITS.rubricMax),
  });
  const alertTarget = (element: HTMLDivElement | null) => {
    alert.current = element;
    form.alertTarget(element);
  };

  return (
    <form className="stack" {...form.formProps}>
      <FormAlert message={form.formError} target={alertTarget} />
      <ProgramBasics form={form} hasKey={mode === "create"} />
      <ProgramPeriod form={form} />
      <ProgramDonors form={form} donors={donors} />
      <ProgramCountries form={form} countries={countries} />
      <ProgramCategories form={form} />
      <ProgramRubric form={form} isLocked={isRubricLocked} />
      <div className="row">
        <SubmitButton busy={form.busy} busyLabel={mode === "create" ? t("programs.form.submittingCreate") : t("programs.form.submittingUpdate")}>
          {mode === "create" ? t("programs.form.submitCreate") : t("programs.form.submitUpdate")}
        </SubmitButton>
        <Link href={cancelHref}>{t("programs.form.cancel")}</Link>
      </div>
    </form>
  );
}
