import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { createProgramSchema, updateProgramSchema } from "./schema";

const en = createTranslator("en");
const es = createTranslator("es");

function input(overrides: Record<string, unknown> = {}) {
  return {
    key: "Regional-Marking",
    nameEn: "Regional marking",
    nameEs: "Marcaje regional",
    currency: "USD",
    ceiling: "1,000,000",
    perAwardCap: "",
    approvalThreshold: "0",
    startsOn: "2026-01-01",
    endsOn: "2028-12-31",
    donorIds: ["9F1C1D2E-3B4A-4C5D-8E9F-0A1B2C3D4E5F", "9f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f"],
    countryIsos: ["JM", "GT", "GT"],
    categories: ["training", "marking_equipment"],
    rubric: [{ key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "100" }],
    ...overrides,
  };
}

function issues(schema: typeof createProgramSchema | typeof updateProgramSchema, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  for (const issue of result.error.issues) {
    expect(en(issue.message as never), issue.message).not.toBe(issue.message);
    expect(es(issue.message as never), issue.message).not.toBe(en(issue.message as never));
  }
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("program schemas", () => {
  it("normalise the key, ids, countries and categories; an empty cap means none", () => {
    const value = createProgramSchema.parse(input());
    expect(value.key).toBe("regional-marking");
    expect(value.donorIds).toEqual(["9f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f"]);
    expect(value.countryIsos).toEqual(["GT", "JM"]);
    expect(value.categories).toEqual(["marking_equipment", "training"]);
    expect(value.perAwardCap).toBeUndefined();
    expect(value.ceiling).toBe("1000000");
    expect(value.rubric[0].weight).toBe(100);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["a zero ceiling", { ceiling: "0" }, "ceiling", "programs.errors.ceilingPositive"],
    ["cents beyond two decimals", { ceiling: "10.001" }, "ceiling", "programs.errors.money"],
    ["a zero cap", { perAwardCap: "0" }, "perAwardCap", "programs.errors.capPositive"],
    ["a threshold above the ceiling", { approvalThreshold: "1000000.01" }, "approvalThreshold", "programs.errors.thresholdAboveCeiling"],
    ["a same-day period", { endsOn: "2026-01-01" }, "endsOn", "programs.errors.endsBeforeStart"],
    ["an impossible date", { startsOn: "2026-13-01" }, "startsOn", "programs.errors.date"],
    ["a lowercase country code", { countryIsos: ["gt"] }, "countryIsos.0", "programs.errors.countryInvalid"],
    ["a criterion key with spaces", { rubric: [{ key: "my key", nameEn: "Relevance", nameEs: "Pertinencia", weight: "5" }] }, "rubric.0.key", "programs.errors.criterionKey"],
    ["a fractional weight", { rubric: [{ key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "2.5" }] }, "rubric.0.weight", "programs.errors.weight"],
  ])("refuse %s", (_label, overrides, field, key) => {
    expect(issues(createProgramSchema, input(overrides))[field]).toBe(key);
  });

  it("the update form has no key but needs the version it was loaded with", () => {
    const { key: _key, ...rest } = input();
    expect(issues(updateProgramSchema, rest).expectedUpdatedAt).toBe("programs.errors.version");
    expect(issues(updateProgramSchema, { ...rest, expectedUpdatedAt: "2026-01-01T10:00:00.123Z" })).toEqual({});
    expect(Object.keys(issues(updateProgramSchema, { ...rest, key: "x", expectedUpdatedAt: "2026-01-01T10:00:00.123Z" }))).not.toHaveLength(0);
  });
});
