import { describe, expect, it } from "vitest";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { detailsSchema } from "@/lib/requests/schema";
import { DETAIL_FIELDS, DETAIL_FIELD_KINDS, choiceLabelKey, formatDetailValue } from "./detail-fields";

const en = createTranslator("en");
const es = createTranslator("es");

/** Whether a key resolves to a real message in both languages (the translator echoes unknown keys). */
const exists = (key: MessageKey) => en(key) !== key && es(key) !== key;

describe("the detail fields", () => {
  it("are the schema's detail fields, in its order (the form lists them without loading zod)", () => {
    expect([...DETAIL_FIELDS]).toEqual(Object.keys(detailsSchema.shape));
  });
});

describe("detail field labels", () => {
  it("exist in both languages for every detail field, with a hint, and for every choice", () => {
    for (const field of DETAIL_FIELDS) {
      expect(exists(`requests.details.${field}.label` as MessageKey), field).toBe(true);
      expect(exists(`requests.details.${field}.hint` as MessageKey), field).toBe(true);
      const spec = DETAIL_FIELD_KINDS[field];
      if (spec.kind === "choice") for (const option of spec.options) expect(exists(choiceLabelKey(field, option)!), option).toBe(true);
    }
  });
});

describe("detail values", () => {
  it("formats detail values in the reader's language", () => {
    expect(formatDetailValue("firearmsToMarkPerYear", 15000, en, "en")).toBe("15,000");
    expect(formatDetailValue("firearmsToMarkPerYear", 15000, es, "es")).toBe("15,000");
    expect(formatDetailValue("etraceTrainingNeeded", true, es, "es")).toBe("Sí");
    expect(formatDetailValue("destructionMethod", "open_detonation", en, "en")).toBe("Open detonation");
    expect(formatDetailValue("legalInstrument", "unknown", en, "en")).toBe("unknown");
    expect(formatDetailValue("course", "", en, "en")).toBeNull();
    expect(formatDetailValue("course", "<b>x</b>", en, "en")).toBe("<b>x</b>");
  });
});
