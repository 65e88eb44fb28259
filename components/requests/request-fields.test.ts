import { describe, expect, it } from "vitest";
import { ASSISTANCE_CATEGORIES } from "@/lib/enums";
import { catalogs } from "@/lib/i18n/messages";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { CATEGORY_FIELDS, requestDraftSchema, requestListFiltersSchema, submitRequestSchema } from "@/lib/requests/schema";
import {
  DETAIL_FIELDS,
  DETAIL_FIELD_KINDS,
  choiceLabelKey,
  comparisonRows,
  displayTitle,
  emptyRequestFormValues,
  fieldLabelKey,
  flattenErrors,
  formValuesFromRequest,
  formatDetailValue,
  formatSnapshotValue,
  newCreationKey,
  pickCategoryDetails,
  requestsListHref,
  timelineActionKey,
  toActionValues,
  type RequestFormValues,
} from "./request-fields";

const en = createTranslator("en");
const es = createTranslator("es");

/** Whether a key resolves to a real message in both languages (the translator echoes unknown keys). */
const exists = (key: MessageKey) => en(key) !== key && es(key) !== key;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
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

describe("labels", () => {
  it("exist in both languages for every detail field, with a hint, and for every choice", () => {
    for (const field of DETAIL_FIELDS) {
      expect(exists(`requests.details.${field}.label` as MessageKey), field).toBe(true);
      expect(exists(`requests.details.${field}.hint` as MessageKey), field).toBe(true);
      const spec = DETAIL_FIELD_KINDS[field];
      if (spec.kind === "choice") for (const option of spec.options) expect(exists(choiceLabelKey(field, option)!), option).toBe(true);
    }
  });

  it("cover every path the schemas can report", () => {
    for (const path of ["primaryLocale", "category", "titleEn", "titleEs", "narrativeEs", "justificationEn", "estimatedCost", "urgency", "desiredStartOn", "programIds", "programIds.3"]) {
      expect(fieldLabelKey(path), path).not.toBeNull();
      expect(exists(fieldLabelKey(path)!), path).toBe(true);
    }
    for (const field of DETAIL_FIELDS) expect(fieldLabelKey(`details.${field}`)).toBe(`requests.details.${field}.label`);
    expect(fieldLabelKey("details.serialNumber")).toBeNull();
    expect(fieldLabelKey("constructor")).toBeNull();
  });

  it("name the timeline's audit actions, and give unknown ones a generic label", () => {
    expect(en(timelineActionKey("request.submit"))).toBe("Submitted");
    expect(es(timelineActionKey("request.attachment.add"))).toBe("Archivo adjuntado");
    for (const action of ["request.create", "request.update", "request.resubmit", "request.withdraw", "request.attachment.remove"]) {
      expect(timelineActionKey(action)).not.toBe("requests.timeline.other");
    }
    // The program office's transitions have their own labels.
    expect(en(timelineActionKey("request.approve"))).not.toBe(en("requests.timeline.other"));
    expect(timelineActionKey("request.somethingNew")).toBe("requests.timeline.other");
    expect(timelineActionKey("constructor")).toBe("requests.timeline.other");
    expect(exists("requests.timeline.other")).toBe(true);
  });

  it("use the catalogs the app ships", () => {
    expect(catalogs.es.requests.form.saveDraft).toBe("Guardar borrador");
  });
});

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

describe("flattenErrors", () => {
  it("lists each field once, as a dotted path, in the form's order", () => {
    const errors = {
      programIds: [undefined, { type: "invalid", message: "requests.errors.choose", ref: {} }, { type: "x", message: "y" }],
      details: { machinesWanted: { type: "custom", message: "requests.errors.required", ref: { name: "x" } } },
      titleEs: { type: "custom", message: "requests.errors.required" },
      estimatedCost: { type: "server", message: "Enter an amount." },
    };
    expect(flattenErrors(errors)).toEqual([
      { path: "titleEs", message: "requests.errors.required" },
      { path: "details.machinesWanted", message: "requests.errors.required" },
      { path: "estimatedCost", message: "Enter an amount." },
      { path: "programIds", message: "requests.errors.choose" },
    ]);
    expect(flattenErrors({})).toEqual([]);
  });
});

describe("display", () => {
  it("formats detail values in the reader's language", () => {
    expect(formatDetailValue("firearmsToMarkPerYear", 15000, en, "en")).toBe("15,000");
    expect(formatDetailValue("firearmsToMarkPerYear", 15000, es, "es")).toBe("15,000");
    expect(formatDetailValue("etraceTrainingNeeded", true, es, "es")).toBe("Sí");
    expect(formatDetailValue("destructionMethod", "open_detonation", en, "en")).toBe("Open detonation");
    expect(formatDetailValue("legalInstrument", "unknown", en, "en")).toBe("unknown");
    expect(formatDetailValue("course", "", en, "en")).toBeNull();
    expect(formatDetailValue("course", "<b>x</b>", en, "en")).toBe("<b>x</b>");
  });

  it("prefers the reader's language for titles, then the filer's", () => {
    const r = { titleEn: "Marking", titleEs: "Marcaje", primaryLocale: "es" as const };
    expect(displayTitle(r, "en")).toEqual({ text: "Marking", lang: "en" });
    expect(displayTitle({ ...r, titleEn: null }, "en")).toEqual({ text: "Marcaje", lang: "es" });
    expect(displayTitle({ ...r, titleEn: " ", titleEs: null }, "es")).toBeNull();
  });
});

describe("requestsListHref", () => {
  const defaults = requestListFiltersSchema.parse({});

  it("is the bare list with the defaults", () => {
    expect(requestsListHref(defaults)).toBe("/requests");
  });

  it("keeps the filters and sort, and goes back to page 1 unless told", () => {
    const filters = requestListFiltersSchema.parse({ status: "submitted", q: "marcaje & co", sort: "cost", dir: "asc", page: "3" });
    expect(requestsListHref(filters, { page: 4 })).toBe("/requests?q=marcaje+%26+co&status=submitted&sort=cost&dir=asc&page=4");
    expect(requestsListHref(filters)).toBe("/requests?q=marcaje+%26+co&status=submitted&sort=cost&dir=asc");
    expect(requestsListHref(filters, { status: undefined })).toBe("/requests?q=marcaje+%26+co&sort=cost&dir=asc");
  });
});

describe("comparisonRows", () => {
  const before = { titleEs: "A", category: "destruction", details: { weaponsToDestroy: 10 }, currency: "USD", estimatedCostMinor: 100, programIds: [] };
  const after = { titleEs: "B", category: "destruction", details: { weaponsToDestroy: 10, ammunitionTonnes: 2.5 }, currency: "USD", estimatedCostMinor: 100, programIds: [PROGRAM] };

  it("lists every field of either revision, details one by one, marking the changed ones", () => {
    const rows = comparisonRows(before, after, ["details.ammunitionTonnes", "programIds", "titleEs"]);
    expect(rows.map((r) => r.key)).toEqual([
      "titleEs",
      "category",
      "details.weaponsToDestroy",
      "details.ammunitionTonnes",
      "estimatedCostMinor",
      "programIds",
    ]);
    expect(rows.filter((r) => r.isChanged).map((r) => r.key)).toEqual(["titleEs", "details.ammunitionTonnes", "programIds"]);
    expect(rows[0]).toEqual({ key: "titleEs", before: "A", after: "B", isChanged: true });
  });

  it("shows the first submission alone", () => {
    const rows = comparisonRows(null, after, []);
    expect(rows.every((r) => r.before === undefined && !r.isChanged)).toBe(true);
    expect(rows).toHaveLength(6);
  });

  it("formats snapshot values", () => {
    const ctx = { t: es, locale: "es" as const, currency: "USD", programName: (id: string) => (id === PROGRAM ? "CBSI" : "?") };
    expect(formatSnapshotValue("programIds", [PROGRAM], ctx)).toBe("CBSI");
    expect(formatSnapshotValue("programIds", [], ctx)).toBeNull();
    expect(formatSnapshotValue("category", "destruction", ctx)).toBe("Destrucción de armas y municiones");
    expect(formatSnapshotValue("primaryLocale", "en", ctx)).toBe("inglés");
    expect(formatSnapshotValue("urgency", "high", ctx)).toBe("Alta");
    expect(formatSnapshotValue("details.ammunitionTonnes", 2.5, ctx)).toBe("2.5");
    expect(formatSnapshotValue("estimatedCostMinor", 15_000_050, { ...ctx, t: en, locale: "en" })).toBe("$150,000.50");
    expect(formatSnapshotValue("desiredStartOn", "2026-03-01", { ...ctx, t: en, locale: "en" })).toBe("March 1, 2026");
    expect(formatSnapshotValue("titleEs", null, ctx)).toBeNull();
  });
});

describe("newCreationKey", () => {
  it("uses crypto.randomUUID when there is one", () => {
    expect(newCreationKey()).toMatch(UUID_V4);
    expect(newCreationKey()).not.toBe(newCreationKey());
  });

  it("falls back to getRandomValues outside secure contexts", () => {
    const key = newCreationKey({ getRandomValues: (array) => globalThis.crypto.getRandomValues(array) });
    expect(key).toMatch(UUID_V4);
    const zeros = newCreationKey({ getRandomValues: (array) => array });
    expect(zeros).toBe("00000000-0000-4000-8000-000000000000");
  });
});
