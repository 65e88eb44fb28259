import { describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/messages";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { DETAIL_FIELDS } from "./detail-fields";
import { fieldLabelKey, flattenErrors } from "./field-paths";

const en = createTranslator("en");
const es = createTranslator("es");

/** Whether a key resolves to a real message in both languages (the translator echoes unknown keys). */
const exists = (key: MessageKey) => en(key) !== key && es(key) !== key;

describe("field labels", () => {
  it("cover every path the schemas can report", () => {
    for (const path of ["primaryLocale", "category", "titleEn", "titleEs", "narrativeEs", "justificationEn", "estimatedCost", "urgency", "desiredStartOn", "programIds", "programIds.3"]) {
      expect(fieldLabelKey(path), path).not.toBeNull();
      expect(exists(fieldLabelKey(path)!), path).toBe(true);
    }
    for (const field of DETAIL_FIELDS) expect(fieldLabelKey(`details.${field}`)).toBe(`requests.details.${field}.label`);
    expect(fieldLabelKey("details.serialNumber")).toBeNull();
    expect(fieldLabelKey("constructor")).toBeNull();
  });

  it("use the catalogs the app ships", () => {
    expect(catalogs.es.requests.form.saveDraft).toBe("Guardar borrador");
  });
});

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
