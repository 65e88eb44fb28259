import { describe, expect, it } from "vitest";
import { rankPrograms, shareOfRemaining, type RankCandidate } from "./rank";

const request = { countryIso2: "GT", category: "training", estimatedCostMinor: 100_000, currency: "USD" };

function program(id: string, over: Partial<RankCandidate> = {}): RankCandidate {
  return {
    id,
    nameEn: `Program ${id}`,
    countries: ["GT"],
    categories: ["training"],
    remainingMinor: 1_000_000,
    perAwardCapMinor: null,
    currency: "USD",
    isSuggested: false,
    ...over,
  };
}

const ids = (ranked: { id: string }[]) => ranked.map((p) => p.id);

describe("shareOfRemaining", () => {
  it("is the cost over the remaining funds", () => {
    expect(shareOfRemaining(25, 100)).toBe(0.25);
    expect(shareOfRemaining(0, 100)).toBe(0);
  });
  it("is infinite when nothing remains, unknown without a cost", () => {
    expect(shareOfRemaining(10, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(shareOfRemaining(0, 0)).toBe(0);
    expect(shareOfRemaining(null, 100)).toBeNull();
    expect(shareOfRemaining(10, null)).toBeNull();
  });
});

describe("rankPrograms", () => {
  it("leaves out programs that do not fund the country or the category", () => {
    const ranked = rankPrograms(request, [
      program("a"),
      program("wrong-country", { countries: ["JM"] }),
      program("wrong-category", { categories: ["destruction"] }),
    ]);
    expect(ids(ranked)).toEqual(["a"]);
    expect(ranked[0]).toMatchObject({ rank: 1, isFundable: true, shareOfRemaining: 0.1 });
  });

  it("puts programs whose funds and cap cover the cost first, even if another uses a smaller share", () => {
    const ranked = rankPrograms(request, [
      program("capped", { remainingMinor: 100_000_000, perAwardCapMinor: 50_000 }),
      program("short", { remainingMinor: 50_000 }),
      program("covers", { remainingMinor: 200_000 }),
    ]);
    expect(ids(ranked)).toEqual(["covers", "capped", "short"]);
    expect(ranked.map((p) => p.isFundable)).toEqual([true, false, false]);
    expect(ranked.map((p) => p.rank)).toEqual([1, 2, 3]);
  });

  it("then prefers the program the request strains least", () => {
    const ranked = rankPrograms(request, [program("tight", { remainingMinor: 150_000 }), program("roomy", { remainingMinor: 10_000_000 })]);
    expect(ids(ranked)).toEqual(["roomy", "tight"]);
  });

  it("then puts the programs the filer suggested first", () => {
    const ranked = rankPrograms(request, [program("a"), program("b", { isSuggested: true })]);
    expect(ids(ranked)).toEqual(["b", "a"]);
  });

  it("does not let a suggestion outrank a better fit", () => {
    const ranked = rankPrograms(request, [program("suggested", { isSuggested: true, remainingMinor: 50_000 }), program("other")]);
    expect(ids(ranked)).toEqual(["other", "suggested"]);
  });

  it("orders equal candidates by name, whatever the input order", () => {
    const input = [program("c", { nameEn: "Gamma" }), program("a", { nameEn: "Alpha" }), program("b", { nameEn: "Beta" })];
    expect(ids(rankPrograms(request, input))).toEqual(["a", "b", "c"]);
    expect(ids(rankPrograms(request, [...input].reverse()))).toEqual(["a", "b", "c"]);
  });

  it("without an estimated cost, nothing is fundable and the suggestion decides", () => {
    const ranked = rankPrograms({ ...request, estimatedCostMinor: null }, [program("a"), program("b", { isSuggested: true })]);
    expect(ids(ranked)).toEqual(["b", "a"]);
    expect(ranked.every((p) => !p.isFundable && p.shareOfRemaining === null)).toBe(true);
  });

  it("puts a program with nothing left after one with funds", () => {
    const ranked = rankPrograms(request, [program("empty", { remainingMinor: 0, isSuggested: true }), program("short", { remainingMinor: 90_000 })]);
    expect(ids(ranked)).toEqual(["short", "empty"]);
  });

  it("returns nothing when no program fits", () => {
    expect(rankPrograms(request, [])).toEqual([]);
    expect(rankPrograms({ ...request, category: null }, [program("a")])).toEqual([]);
  });
});
