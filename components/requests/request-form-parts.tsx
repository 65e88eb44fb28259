"use client";

import { get, type FieldPath } from "react-hook-form";
import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { translateIssue } from "@/lib/forms/issues";
import type { Translate } from "@/lib/i18n/translate";
import { flattenErrors } from "./field-paths";
import type { RequestFormState } from "./form-values";

export type RequestActionForm = ActionForm<RequestFormState>;
export type RequestFieldPath = FieldPath<RequestFormState>;

/** What every section of the request form receives. */
export interface RequestSectionProps {
  form: RequestActionForm;
  /** The id of a field path's control ("details.sites" -> "<form id>-details-sites"); links and tests find fields by it. */
  idOf: (path: string) => string;
}

/** After a label: the field may stay empty in a draft, not in a submission. */
export function RequiredToSubmit({ when = true }: { when?: boolean }) {
  const { t } = useI18n();
  return when ? <span className="muted small"> ({t("requests.form.requiredToSubmit")})</span> : null;
}

/** The first message on a field path (or on any item of a list, e.g. programIds.0), in the user's language. */
export function errorOf(form: RequestActionForm, path: string, t: Translate): string | undefined {
  const leaf = flattenErrors(get(form.form.formState.errors, path))[0];
  return leaf ? translateIssue(leaf.message, t) : undefined;
}
