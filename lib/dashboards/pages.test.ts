import { describe, expect, it } from "vitest";
import { dashboardPagesOf } from "./pages";

describe("dashboardPagesOf", () => {
  it("reads each table's page from its own parameter and keeps only pages past the first in the links", () => {
    expect(dashboardPagesOf({ awards: "2", reports: "3" })).toEqual({ pages: { awards: 2, reports: 3, countries: 1 }, query: { awards: "2", reports: "3" } });
    expect(dashboardPagesOf({ countries: ["4", "9"], other: "x" })).toEqual({ pages: { awards: 1, reports: 1, countries: 4 }, query: { countries: "4" } });
  });

  it("reads a missing or malformed page as the first", () => {
    for (const bad of [undefined, "", "0", "-1", "2.5", "abc", "99999999", "1e9"]) {
      expect(dashboardPagesOf({ awards: bad, reports: bad, countries: bad }), String(bad)).toEqual({ pages: { awards: 1, reports: 1, countries: 1 }, query: {} });
    }
  });
});
