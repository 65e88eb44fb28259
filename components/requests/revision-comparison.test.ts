import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { comparisonRows, formatSnapshotValue } from "./revision-comparison";

const en = createTranslator("en");
const es = createTranslator("es");
const PROGRAM = "6f1c3a52-58a4-4f0e-9d51-0b7c8a3e2d10";

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
