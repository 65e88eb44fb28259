import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import { isCalendarDate } from "@/lib/dates";
import { ASSISTANCE_CATEGORIES, LOCALES, REQUEST_STATUSES, URGENCIES } from "@/lib/enums";
import "@/lib/forms/zod";
import { CATEGORY_FIELDS, DESTRUCTION_METHODS, ETRACE_LANGUAGES, LEGAL_INSTRUMENTS, LIMITS, type DetailField } from "./fields";

export { CATEGORY_FIELDS, DESTRUCTION_METHODS, DETAIL_FIELDS, ETRACE_LANGUAGES, LEGAL_INSTRUMENTS, LIMITS, type DetailField } from "./fields";

/** Empty form inputs ("" or whitespace) mean "not given". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v === null ? undefined : v);
const toNumber = (v: unknown) => {
  const b = blankToUndefined(v);
  if (typeof b === "string") return Number(b.trim().replace(/,/g, ""));
  return b;
};

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : blankToUndefined(v)),
    safeText("requests.errors.text").max(max, "requests.errors.tooLong").optional(),
  );

const optionalInt = (min: number, max: number) =>
  z.preprocess(
    toNumber,
    z
      .number("requests.errors.wholeNumber")
      .int("requests.errors.wholeNumber")
      .min(min, "requests.errors.outOfRange")
      .max(max, "requests.errors.outOfRange")
      .optional(),
  );

const optionalDecimal = (min: number, max: number) =>
  z.preprocess(
    toNumber,
    z.number("requests.errors.number").min(min, "requests.errors.outOfRange").max(max, "requests.errors.outOfRange").optional(),
  );

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, "requests.errors.choose").optional());

const optionalBool = z.preprocess(
  (v) => (v === "true" ? true : v === "false" ? false : blankToUndefined(v)),
  z.boolean("requests.errors.choose").optional(),
);

/** Category-specific quantities. All optional in a draft; `requiredDetails` lists what submit needs. */
export const detailsSchema = z
  .object({
    // marking equipment
    machinesWanted: optionalInt(1, 500),
    firearmsToMarkPerYear: optionalInt(1, 10_000_000),
    operatingAgencies: optionalText(LIMITS.shortTextMax),
    // record-keeping / registry
    recordsToDigitize: optionalInt(1, 100_000_000),
    currentSystem: optionalText(LIMITS.longTextMax),
    // eTrace onboarding
    etraceAgencies: optionalText(LIMITS.shortTextMax),
    etraceAccountsWanted: optionalInt(1, 10_000),
    etraceLanguage: optionalEnum(ETRACE_LANGUAGES),
    etraceTrainingNeeded: optionalBool,
    // stockpile assessment, armoury security (a count and a capacity, never a location)
    sites: optionalInt(1, 1_000),
    storageCapacity: optionalInt(1, 10_000_000),
    // destruction
    weaponsToDestroy: optionalInt(0, 10_000_000),
    ammunitionTonnes: optionalDecimal(0, 100_000),
    destructionMethod: optionalEnum(DESTRUCTION_METHODS),
    // training
    course: optionalText(LIMITS.shortTextMax),
    officersToTrain: optionalInt(1, 100_000),
    // legislation
    legalInstrument: optionalEnum(LEGAL_INSTRUMENTS),
    legislationScope: optionalText(LIMITS.longTextMax),
    // national action plan, other
    planScope: optionalText(LIMITS.longTextMax),
  })
  .strict();
export type RequestDetails = z.infer<typeof detailsSchema>;

const money = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : blankToUndefined(typeof v === "string" ? v.trim().replace(/,/g, "") : v)),
  safeText("requests.errors.money")
    .regex(/^\d{1,9}(\.\d{1,2})?$/, "requests.errors.money")
    .refine((s) => Number(s) <= LIMITS.costMaxMajor, "requests.errors.costTooHigh")
    .optional(),
);

const isoDate = z.preprocess(
  blankToUndefined,
  safeText("requests.errors.date")
    .refine(isCalendarDate, "requests.errors.date")
    .optional(),
);

/**
 * A request's content as the form sends it (strings from inputs are accepted and converted). A draft
 * may be partial; `submitRequestSchema` adds what a submission needs.
 */
export const requestDraftSchema = z
  .object({
    primaryLocale: z.enum(LOCALES, "requests.errors.choose"),
    category: optionalEnum(ASSISTANCE_CATEGORIES),
    titleEn: optionalText(LIMITS.titleMax),
    titleEs: optionalText(LIMITS.titleMax),
    narrativeEn: optionalText(LIMITS.narrativeMax),
    narrativeEs: optionalText(LIMITS.narrativeMax),
    justificationEn: optionalText(LIMITS.justificationMax),
    justificationEs: optionalText(LIMITS.justificationMax),
    details: detailsSchema.default({}),
    estimatedCost: money, // major units as typed, e.g. "150000.50"; stored as integer cents
    urgency: optionalEnum(URGENCIES),
    desiredStartOn: isoDate,
    programIds: z.array(z.uuid("requests.errors.choose")).max(LIMITS.programsMax, "requests.errors.tooManyPrograms").default([]),
  })
  .strict()
  .superRefine((value, ctx) => {
    for (const locale of ["En", "Es"] as const) {
      const title = value[`title${locale}`];
      if (title !== undefined && title.length < LIMITS.titleMin) {
        ctx.addIssue({ code: "custom", path: [`title${locale}`], message: "requests.errors.titleTooShort" });
      }
    }
    // Details that do not belong to the chosen category are not kept.
    if (value.category) {
      const allowed = new Set(CATEGORY_FIELDS[value.category].fields);
      for (const key of Object.keys(value.details) as DetailField[]) {
        if (!allowed.has(key) && value.details[key] !== undefined) {
          ctx.addIssue({ code: "custom", path: ["details", key], message: "requests.errors.notForCategory" });
        }
      }
    }
  });
export type RequestDraftInput = z.input<typeof requestDraftSchema>;
export type RequestDraft = z.output<typeof requestDraftSchema>;

/** Everything a submission needs, in the filer's language; the other language stays optional. */
export const submitRequestSchema = requestDraftSchema.superRefine((value, ctx) => {
  const need = (path: (string | number)[], present: unknown) => {
    if (present === undefined || present === null || present === "") {
      ctx.addIssue({ code: "custom", path, message: "requests.errors.required" });
    }
  };
  const suffix = value.primaryLocale === "es" ? "Es" : "En";
  need([`title${suffix}`], value[`title${suffix}`]);
  need([`narrative${suffix}`], value[`narrative${suffix}`]);
  need([`justification${suffix}`], value[`justification${suffix}`]);
  need(["category"], value.category);
  need(["estimatedCost"], value.estimatedCost);
  need(["urgency"], value.urgency);
  need(["desiredStartOn"], value.desiredStartOn);
  if (value.estimatedCost !== undefined && Number(value.estimatedCost) <= 0) {
    ctx.addIssue({ code: "custom", path: ["estimatedCost"], message: "requests.errors.costPositive" });
  }
  if (value.category) {
    for (const field of CATEGORY_FIELDS[value.category].required) need(["details", field], value.details[field]);
    if (value.category === "destruction" && value.details.weaponsToDestroy === undefined && value.details.ammunitionTonnes === undefined) {
      ctx.addIssue({ code: "custom", path: ["details", "weaponsToDestroy"], message: "requests.errors.destructionQuantity" });
    }
  }
});

/** The list page's filters, from the query string. */
export const requestListFiltersSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(REQUEST_STATUSES).optional()).catch(undefined),
  country: z.preprocess(blankToUndefined, safeText().regex(/^[A-Z]{2}$/).optional()).catch(undefined),
  category: z.preprocess(blankToUndefined, z.enum(ASSISTANCE_CATEGORIES).optional()).catch(undefined),
  program: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
  q: z.preprocess(blankToUndefined, safeText().trim().max(100).optional()).catch(undefined),
  sort: z.enum(["updated", "created", "cost", "reference"]).catch("updated"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type RequestListFilters = z.infer<typeof requestListFiltersSchema>;
