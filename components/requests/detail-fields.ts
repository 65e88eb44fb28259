// How each detail field of a request is entered and read: its kind, its choices and their labels.
// No server imports: the client form uses it too.
import { ASSISTANCE_CATEGORIES, type AssistanceCategory, type Locale } from "@/lib/enums";
import { formatNumber } from "@/lib/i18n/format";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { DESTRUCTION_METHODS, DETAIL_FIELDS, ETRACE_LANGUAGES, LEGAL_INSTRUMENTS, type DetailField } from "@/lib/requests/fields";

export { DETAIL_FIELDS };

export type DetailFieldKind =
  | { kind: "int" }
  | { kind: "decimal" }
  | { kind: "shortText"; maxLength: number }
  | { kind: "longText"; maxLength: number }
  | { kind: "boolean" }
  | { kind: "choice"; options: readonly string[]; labelPrefix: "destructionMethods" | "legalInstruments" | "etraceLanguages" };

/** How each detail field is entered and shown. */
export const DETAIL_FIELD_KINDS: Record<DetailField, DetailFieldKind> = {
  machinesWanted: { kind: "int" },
  firearmsToMarkPerYear: { kind: "int" },
  operatingAgencies: { kind: "shortText", maxLength: 500 },
  recordsToDigitize: { kind: "int" },
  currentSystem: { kind: "longText", maxLength: 2000 },
  etraceAgencies: { kind: "shortText", maxLength: 500 },
  etraceAccountsWanted: { kind: "int" },
  etraceLanguage: { kind: "choice", options: ETRACE_LANGUAGES, labelPrefix: "etraceLanguages" },
  etraceTrainingNeeded: { kind: "boolean" },
  sites: { kind: "int" },
  storageCapacity: { kind: "int" },
  weaponsToDestroy: { kind: "int" },
  ammunitionTonnes: { kind: "decimal" },
  destructionMethod: { kind: "choice", options: DESTRUCTION_METHODS, labelPrefix: "destructionMethods" },
  course: { kind: "shortText", maxLength: 500 },
  officersToTrain: { kind: "int" },
  legalInstrument: { kind: "choice", options: LEGAL_INSTRUMENTS, labelPrefix: "legalInstruments" },
  legislationScope: { kind: "longText", maxLength: 2000 },
  planScope: { kind: "longText", maxLength: 2000 },
};

export function isCategory(value: unknown): value is AssistanceCategory {
  return typeof value === "string" && (ASSISTANCE_CATEGORIES as readonly string[]).includes(value);
}

export function isDetailField(value: unknown): value is DetailField {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(DETAIL_FIELD_KINDS, value);
}

/** The label key of a choice (destruction method, legal instrument, eTrace language). */
export function choiceLabelKey(field: DetailField, option: string): MessageKey | null {
  const spec = DETAIL_FIELD_KINDS[field];
  if (spec.kind !== "choice" || !spec.options.includes(option)) return null;
  return `requests.${spec.labelPrefix}.${option}` as MessageKey;
}

/** A detail value for reading (numbers in the locale, choices and yes/no translated); null when not given. */
export function formatDetailValue(field: DetailField, value: unknown, t: Translate, locale: Locale): string | null {
  if (value === undefined || value === null || value === "") return null;
  const spec = DETAIL_FIELD_KINDS[field];
  switch (spec.kind) {
    case "int":
    case "decimal":
      return typeof value === "number" ? formatNumber(value, locale) : String(value);
    case "boolean":
      if (value === true || value === "true") return t("common.yes");
      if (value === false || value === "false") return t("common.no");
      return String(value);
    case "choice": {
      const key = choiceLabelKey(field, String(value));
      return key ? t(key) : String(value);
    }
    default:
      return String(value);
  }
}

