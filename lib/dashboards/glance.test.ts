import { describe, expect, it } from "vitest";
import { glanceOf, headlineIndicators } from "./glance";
import type { IndicatorTotal, ProgramOverview } from "./types";

function indicator(key: string): IndicatorTotal {
  return { key, unit: "count", nameEn: key, nameEs: key, baseline: "0.00", target: "10.00", actual: "1.00", awards: 1 };
}

describe("a program at a glance", () => {
  it("leads with the indicators donors follow, in their order, then the others as given, five at most", () => {
    const given = ["armouries_upgraded", "officers_trained", "records_digitized", "firearms_marked", "trace_requests_submitted", "etrace_accounts_active", "weapons_destroyed"].map(indicator);
    expect(headlineIndicators(given).map((i) => i.key)).toEqual(["firearms_marked", "weapons_destroyed", "officers_trained", "etrace_accounts_active", "armouries_upgraded"]);
    expect(headlineIndicators(given, 2).map((i) => i.key)).toEqual(["firearms_marked", "weapons_destroyed"]);
    expect(headlineIndicators([indicator("records_digitized"), indicator("armouries_upgraded")]).map((i) => i.key)).toEqual(["records_digitized", "armouries_upgraded"]);
  });

  it("counts awards and the countries that hold one, keeps the newest accepted report and the whole indicator count", () => {
    const overview = {
      program: { id: "p" },
      money: { ceilingMinor: 1, committedMinor: 0, disbursedMinor: 0, reportedExpenditureMinor: 0, remainingMinor: 1 },
      countries: [{ awards: 2 }, { awards: 0 }, { awards: 1 }],
      indicators: ["a", "b", "c", "d", "e", "f", "g"].map(indicator),
      deliverables: { total: 0, accepted: 0, onTime: 0, late: 0 },
      latestReports: [{ reportId: "newest" }, { reportId: "older" }],
      awards: [{}, {}, {}],
      asOf: "2026-11-28",
    } as unknown as ProgramOverview;
    const g = glanceOf(overview);
    expect([g.awards, g.countries, g.indicators.length, g.indicatorCount, g.latestReport?.reportId]).toEqual([3, 2, 5, 7, "newest"]);
    expect(glanceOf({ ...overview, latestReports: [] }).latestReport).toBeNull();
  });
});
