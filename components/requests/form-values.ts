// The request form's values as its inputs hold them, and the conversions to and from them: an empty
// form, a stored request put back for editing and what the form sends (how the browser checks it is in
// form-schema.ts, which the form loads on demand). No server imports, no zod.
import type { AssistanceCategory, Locale } from "@/lib/enums";
import { minorToMajor } from "@/lib/amounts";
import { CATEGORY_FIELDS, type DetailField } from "@/lib/requests/fields";
import { isCategory, isDetailField } from "./detail-fields";

/** The form's values exactly as the inputs hold them (strings as typed); the schema converts them. */
export interface RequestFormValues {
  primaryLocale: Locale;
  category: string;
  titleEn: string;
  titleEs: string;
  narrativeEn: string;
  narrativeEs: string;
  justificationEn: string;
  justificationEs: string;
  details: Partial<Record<DetailField, string>>;
  estimatedCost: string;
  urgency: string;
  desiredStartOn: string;
  programIds: string[];
}

/** The details a category shows, keeping what was typed in them; "" where nothing was. */
export function pickCategoryDetails(
  category: string,
  details: Partial<Record<string, string>> | undefined,
): Partial<Record<DetailField, string>> {
  if (!isCategory(category)) return {};
  const source = details ?? {};
  return Object.fromEntries(CATEGORY_FIELDS[category].fields.map((field) => [field, source[field] ?? ""]));
}

/** What the form sends: its raw values, with only the chosen category's details. */
export function toActionValues(values: RequestFormValues): RequestFormValues {
  return {
    ...values,
    details: pickCategoryDetails(values.category, values.details),
    programIds: Array.isArray(values.programIds) ? values.programIds.filter((id) => typeof id === "string") : [],
  };
}

/** The form's values and the button pressed: "Submit request" (submit) or "Save draft". */
export type RequestFormState = RequestFormValues & { submit: boolean };

export function emptyRequestFormValues(primaryLocale: Locale): RequestFormValues {
  return {
    primaryLocale,
    category: "",
    titleEn: "",
    titleEs: "",
    narrativeEn: "",
    narrativeEs: "",
    justificationEn: "",
    justificationEs: "",
    details: {},
    estimatedCost: "",
    urgency: "",
    desiredStartOn: "",
    programIds: [],
  };
}

/** A stored request's content, as the detail query returns it. */
export interface StoredRequestContent {
  primaryLocale: Locale;
  category: AssistanceCategory | null;
  titleEn: string | null;
  titleEs: string | null;
  narrativeEn: string | null;
  narrativeEs: string | null;
  justificationEn: string | null;
  justificationEs: string | null;
  details: Record<string, unknown>;
  estimatedCostMinor: number | null;
  urgency: string | null;
  desiredStartOn: string | null;
  programIds: string[];
}

function detailToInput(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return typeof value === "string" ? value : "";
}

/** A stored request put back into the form's raw values, for editing or submitting it as saved. */
export function formValuesFromRequest(stored: StoredRequestContent): RequestFormValues {
  const category = stored.category ?? "";
  const details: Partial<Record<string, string>> = {};
  for (const [key, value] of Object.entries(stored.details ?? {})) {
    if (isDetailField(key)) details[key] = detailToInput(value);
  }
  return {
    primaryLocale: stored.primaryLocale,
    category,
    titleEn: stored.titleEn ?? "",
    titleEs: stored.titleEs ?? "",
    narrativeEn: stored.narrativeEn ?? "",
    narrativeEs: stored.narrativeEs ?? "",
    justificationEn: stored.justificationEn ?? "",
    justificationEs: stored.justificationEs ?? "",
    details: category ? pickCategoryDetails(category, details) : {},
    estimatedCost: stored.estimatedCostMinor === null ? "" : minorToMajor(stored.estimatedCostMinor),
    urgency: stored.urgency ?? "",
    desiredStartOn: stored.desiredStartOn ?? "",
    programIds: [...stored.programIds],
  };
}

