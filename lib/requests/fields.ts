// A request's limits, choice lists and detail fields per category, with no zod: the request form's
// fields read them before zod has loaded (lib/requests/schema.ts builds the schemas from them).
import type { AssistanceCategory } from "@/lib/enums";

// Limits: every field has one. Messages are i18n keys (lib/i18n/messages/requests.ts).
export const LIMITS = {
  titleMin: 5,
  titleMax: 200,
  narrativeMax: 10_000,
  justificationMax: 5_000,
  shortTextMax: 500,
  longTextMax: 2_000,
  costMaxMajor: 100_000_000, // USD 100 million: larger needs are split into phases
  programsMax: 10,
} as const;

export const DESTRUCTION_METHODS = ["cutting", "crushing", "smelting", "burning", "open_detonation", "other"] as const;
export const LEGAL_INSTRUMENTS = ["cifta", "att", "un_firearms_protocol", "un_poa", "other"] as const;
export const ETRACE_LANGUAGES = ["es", "en"] as const;

/** Every category-specific detail field, in the schema's order (schema.test.ts checks it against detailsSchema). */
export const DETAIL_FIELDS = [
  "machinesWanted",
  "firearmsToMarkPerYear",
  "operatingAgencies",
  "recordsToDigitize",
  "currentSystem",
  "etraceAgencies",
  "etraceAccountsWanted",
  "etraceLanguage",
  "etraceTrainingNeeded",
  "sites",
  "storageCapacity",
  "weaponsToDestroy",
  "ammunitionTonnes",
  "destructionMethod",
  "course",
  "officersToTrain",
  "legalInstrument",
  "legislationScope",
  "planScope",
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** The detail fields each category shows, and which of them submit requires. */
export const CATEGORY_FIELDS: Record<AssistanceCategory, { fields: DetailField[]; required: DetailField[] }> = {
  marking_equipment: {
    fields: ["machinesWanted", "firearmsToMarkPerYear", "operatingAgencies"],
    required: ["machinesWanted", "firearmsToMarkPerYear", "operatingAgencies"],
  },
  record_keeping: { fields: ["recordsToDigitize", "currentSystem"], required: ["recordsToDigitize", "currentSystem"] },
  etrace_onboarding: {
    fields: ["etraceAgencies", "etraceAccountsWanted", "etraceLanguage", "etraceTrainingNeeded"],
    required: ["etraceAgencies", "etraceAccountsWanted", "etraceLanguage", "etraceTrainingNeeded"],
  },
  stockpile_assessment: { fields: ["sites", "storageCapacity"], required: ["sites"] },
  armoury_security: { fields: ["sites", "storageCapacity"], required: ["sites", "storageCapacity"] },
  destruction: {
    fields: ["weaponsToDestroy", "ammunitionTonnes", "destructionMethod"],
    required: ["destructionMethod"],
  },
  training: { fields: ["course", "officersToTrain"], required: ["course", "officersToTrain"] },
  legislation: { fields: ["legalInstrument", "legislationScope"], required: ["legalInstrument", "legislationScope"] },
  national_action_plan: { fields: ["planScope"], required: ["planScope"] },
  other: { fields: [], required: [] },
};
