import { describe, expect, it } from "vitest";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { displayTitle, timelineActionKey } from "./request-display";

const en = createTranslator("en");
const es = createTranslator("es");

/** Whether a key resolves to a real message in both languages (the translator echoes unknown keys). */
const exists = (key: MessageKey) => en(key) !== key && es(key) !== key;

describe("timeline labels", () => {
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
});

describe("titles", () => {
  it("prefers the reader's language for titles, then the filer's", () => {
    const r = { titleEn: "Marking", titleEs: "Marcaje", primaryLocale: "es" as const };
    expect(displayTitle(r, "en")).toEqual({ text: "Marking", lang: "en" });
    expect(displayTitle({ ...r, titleEn: null }, "en")).toEqual({ text: "Marcaje", lang: "es" });
    expect(displayTitle({ ...r, titleEn: " ", titleEs: null }, "es")).toBeNull();
  });
});
