import { describe, expect, it } from "vitest";
import { allPass, automaticChecks, CHECKLIST_KEYS, EMPTY_CHECKLIST, isChecklistComplete, isChecklistKey, isEligible } from "./checks";

const request = { countryIso2: "GT", category: "marking_equipment", estimatedCostMinor: 18_000_000, currency: "USD" };
const program = {
  countries: ["GT", "HN"],
  categories: ["marking_equipment", "training"],
  remainingMinor: 50_000_000,
  perAwardCapMinor: 20_000_000,
  currency: "USD",
};

describe("automaticChecks", () => {
  it("passes every check when the program funds the country and category and the money suffices", () => {
    const checks = automaticChecks({ request, program });
    expect(checks).toEqual({ countryEligible: true, categoryEligible: true, withinRemainingFunds: true, withinAwardCap: true });
    expect(allPass(checks)).toBe(true);
    expect(isEligible(checks)).toBe(true);
  });

  it("fails the country check for a country the program does not fund", () => {
    const checks = automaticChecks({ request: { ...request, countryIso2: "JM" }, program });
    expect(checks.countryEligible).toBe(false);
    expect(isEligible(checks)).toBe(false);
    expect(checks.categoryEligible).toBe(true);
  });

  it("fails the category check for a category the program does not fund", () => {
    const checks = automaticChecks({ request: { ...request, category: "destruction" }, program });
    expect(checks.categoryEligible).toBe(false);
    expect(isEligible(checks)).toBe(false);
  });

  it("accepts a cost equal to the remaining funds and to the cap, refuses one cent more", () => {
    const exact = { ...program, remainingMinor: 18_000_000, perAwardCapMinor: 18_000_000 };
    expect(automaticChecks({ request, program: exact })).toMatchObject({ withinRemainingFunds: true, withinAwardCap: true });
    const over = { ...request, estimatedCostMinor: 18_000_001 };
    expect(automaticChecks({ request: over, program: exact })).toMatchObject({ withinRemainingFunds: false, withinAwardCap: false });
  });

  it("fails the funds check when the program has less left than the request asks", () => {
    const checks = automaticChecks({ request, program: { ...program, remainingMinor: 1_000 } });
    expect(checks.withinRemainingFunds).toBe(false);
    expect(checks.withinAwardCap).toBe(true);
    expect(allPass(checks)).toBe(false);
  });

  it("fails the cap check when the cost exceeds the per-award cap, even with funds left", () => {
    const checks = automaticChecks({ request, program: { ...program, perAwardCapMinor: 10_000_000 } });
    expect(checks).toMatchObject({ withinRemainingFunds: true, withinAwardCap: false });
  });

  it("a program without a per-award cap caps nothing", () => {
    expect(automaticChecks({ request, program: { ...program, perAwardCapMinor: null } }).withinAwardCap).toBe(true);
    expect(automaticChecks({ request, program: { ...program, perAwardCapMinor: undefined } }).withinAwardCap).toBe(true);
  });

  it("counts missing values as failing", () => {
    const none = automaticChecks({
      request: { countryIso2: null, category: null, estimatedCostMinor: null },
      program: { ...program, perAwardCapMinor: null },
    });
    expect(none).toEqual({ countryEligible: false, categoryEligible: false, withinRemainingFunds: false, withinAwardCap: false });
    const noProgramData = automaticChecks({
      request,
      program: { countries: null, categories: undefined, remainingMinor: null, perAwardCapMinor: 20_000_000 },
    });
    expect(noProgramData).toEqual({ countryEligible: false, categoryEligible: false, withinRemainingFunds: false, withinAwardCap: true });
    expect(automaticChecks({ request: { ...request, estimatedCostMinor: Number.NaN }, program }).withinRemainingFunds).toBe(false);
    expect(automaticChecks({ request: { ...request, countryIso2: "" }, program }).countryEligible).toBe(false);
  });

  it("fails the money checks when the currencies differ", () => {
    const checks = automaticChecks({ request, program: { ...program, currency: "EUR" } });
    expect(checks).toMatchObject({ countryEligible: true, withinRemainingFunds: false, withinAwardCap: false });
  });

  it("treats a program with nothing left (or overspent) as not covering any cost", () => {
    expect(automaticChecks({ request, program: { ...program, remainingMinor: 0 } }).withinRemainingFunds).toBe(false);
    expect(automaticChecks({ request, program: { ...program, remainingMinor: -5 } }).withinRemainingFunds).toBe(false);
  });
});

describe("manual checklist", () => {
  it("lists the four items, the prohibited-data check among them", () => {
    expect(CHECKLIST_KEYS).toEqual(["narrativeClear", "costReasonable", "noProhibitedData", "nationalOwnership"]);
    expect(isChecklistKey("noProhibitedData")).toBe(true);
    expect(isChecklistKey("serialNumbers")).toBe(false);
  });

  it("is complete only with every item ticked", () => {
    expect(isChecklistComplete(EMPTY_CHECKLIST)).toBe(false);
    const all = Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, true]));
    expect(isChecklistComplete(all)).toBe(true);
    for (const key of CHECKLIST_KEYS) expect(isChecklistComplete({ ...all, [key]: false }), key).toBe(false);
    expect(isChecklistComplete({})).toBe(false);
  });
});
