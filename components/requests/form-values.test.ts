import { describe, expect, it } from "vitest";
import { ASSISTANCE_CATEGORIES } from "@/lib/enums";
import { CATEGORY_FIELDS, requestDraftSchema, submitRequestSchema } from "@/lib/requests/schema";
import { requestFormSchema } from "./form-schema";
import { emptyRequestFormValues, formValuesFromRequest, pickCategoryDetails, toActionValues, type RequestFormValues } from "./form-values";

const PROGRAM = "6f1c3a52-58a4-4f0e-9d51-0b7c8a3e2d10";

function complete(overrides: Partial<RequestFormValues> = {}): RequestFormValues {
  return {
    ...emptyRequestFormValues("es"),
    category: "marking_equipment",
    titleEs: "Equipos de marcaje para la PNC",
    narrativeEs: "Línea uno.\nLínea dos.",
    justificationEs: "Cumplir con la CIFTA.",
    details: { machinesWanted: "4", firearmsToMarkPerYear: "12000", operatingAgencies: "PNC" },
    estimatedCost: "250000.50",
    urgency: "high",
    desiredStartOn: "2099-01-15",
    programIds: [PROGRAM],
    ...overrides,
  };
}

describe("category details", () => {
  it("keep only the chosen category's fields, with what was typed", () => {
    expect(pickCategoryDetails("armoury_security", { sites: "3", course: "Marcaje", storageCapacity: "" })).toEqual({
      sites: "3",
      storageCapacity: "",
    });
    expect(pickCategoryDetails("other", { sites: "3" })).toEqual({});
    expect(pickCategoryDetails("", { sites: "3" })).toEqual({});
    expect(pickCategoryDetails("nonsense", { sites: "3" })).toEqual({});
  });

  it("lists every category's fields from the schema's table", () => {
    for (const category of ASSISTANCE_CATEGORIES) {
      expect(Object.keys(pickCategoryDetails(category, {}))).toEqual(CATEGORY_FIELDS[category].fields);
    }
  });

  it("so that switching category never trips the draft schema's notForCategory rule", () => {
    const values = complete({ category: "training", details: { machinesWanted: "4", course: "Rastreo" } });
    expect(requestDraftSchema.safeParse(values).success).toBe(false);
    const sent = toActionValues(values);
    expect(sent.details).toEqual({ course: "Rastreo", officersToTrain: "" });
    expect(requestDraftSchema.safeParse(sent).success).toBe(true);
  });
});

describe("form values", () => {
  it("an empty form is a valid draft but not a valid submission", () => {
    const values = toActionValues(emptyRequestFormValues("en"));
    expect(requestDraftSchema.safeParse(values).success).toBe(true);
    expect(submitRequestSchema.safeParse(values).success).toBe(false);
  });

  it("a complete form passes the submit schema as raw strings", () => {
    expect(submitRequestSchema.safeParse(toActionValues(complete())).success).toBe(true);
  });

  it("a stored request comes back as the same raw values, which parse to the same content", () => {
    const parsed = submitRequestSchema.parse(toActionValues(complete()));
    const values = formValuesFromRequest({
      primaryLocale: parsed.primaryLocale,
      category: parsed.category ?? null,
      titleEn: null,
      titleEs: parsed.titleEs ?? null,
      narrativeEn: null,
      narrativeEs: parsed.narrativeEs ?? null,
      justificationEn: null,
      justificationEs: parsed.justificationEs ?? null,
      details: parsed.details,
      estimatedCostMinor: 25_000_050,
      urgency: parsed.urgency ?? null,
      desiredStartOn: parsed.desiredStartOn ?? null,
      programIds: parsed.programIds,
    });
    expect(values.estimatedCost).toBe("250000.50");
    expect(values.details).toEqual({ machinesWanted: "4", firearmsToMarkPerYear: "12000", operatingAgencies: "PNC" });
    expect(submitRequestSchema.parse(values)).toEqual(parsed);
  });

  it("turns stored booleans and numbers into the inputs' strings", () => {
    const values = formValuesFromRequest({
      ...emptyStored(),
      category: "etrace_onboarding",
      details: { etraceTrainingNeeded: false, etraceAccountsWanted: 40, etraceLanguage: "es", sites: 3 },
    });
    expect(values.details).toEqual({ etraceAgencies: "", etraceAccountsWanted: "40", etraceLanguage: "es", etraceTrainingNeeded: "false" });
    expect(requestDraftSchema.parse(values).details.etraceTrainingNeeded).toBe(false);
  });
});

function emptyStored() {
  return {
    primaryLocale: "en" as const,
    category: null,
    titleEn: null,
    titleEs: null,
    narrativeEn: null,
    narrativeEs: null,
    justificationEn: null,
    justificationEs: null,
    details: {},
    estimatedCostMinor: null,
    urgency: null,
    desiredStartOn: null,
    programIds: [],
  };
}

describe("the browser's check", () => {
  const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (result.error?.issues ?? []).map((i) => i.path.join("."));

  it("lets a partial draft through but not a partial submission", () => {
    const partial = { ...emptyRequestFormValues("es"), titleEs: "Solo un título", category: "marking_equipment", details: { machinesWanted: "" } };
    expect(requestFormSchema.safeParse({ ...partial, submit: false }).success).toBe(true);
    const submitted = requestFormSchema.safeParse({ ...partial, submit: true });
    expect(pathsOf(submitted)).toEqual(expect.arrayContaining(["narrativeEs", "justificationEs", "details.machinesWanted", "estimatedCost", "urgency", "desiredStartOn"]));
    expect(submitted.error?.issues.every((i) => i.message === "requests.errors.required")).toBe(true);
  });

  it("passes a complete submission, and ignores details left from another category", () => {
    expect(requestFormSchema.safeParse({ ...complete({ details: { ...complete().details, sites: "3" } }), submit: true }).success).toBe(true);
  });

  it("keeps a draft's own rules (a bad amount) on their field", () => {
    expect(pathsOf(requestFormSchema.safeParse({ ...complete({ estimatedCost: "12.345" }), submit: false }))).toEqual(["estimatedCost"]);
  });
});
