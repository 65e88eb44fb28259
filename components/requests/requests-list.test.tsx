// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import type { RequestListRow } from "@/lib/requests/queries";
import { requestListFiltersSchema } from "@/lib/requests/schema";
import { renderUi, tEn } from "@/test/render-ui";
import { RequestFilters } from "./request-filters";
import { RequestsTable } from "./requests-table";

afterEach(cleanup);

const row: RequestListRow = {
  id: "0b1c2d3e-4f50-4617-8899-aabbccddeeff",
  reference: "REQ-2026-0007",
  countryIso2: "GT",
  countryNameEn: "Guatemala",
  countryNameEs: "Guatemala",
  category: "marking_equipment",
  titleEn: null,
  titleEs: "Equipos de marcaje",
  primaryLocale: "es",
  status: "approved",
  urgency: "high",
  estimatedCostMinor: null,
  currency: "USD",
  updatedAt: new Date("2026-03-02T10:00:00Z"),
  submittedAt: null,
};
const filters = requestListFiltersSchema.parse({ status: "approved", sort: "cost", page: "2" });

describe("RequestsTable", () => {
  it("shows a row per request, named by its reference, with the officers' country column", () => {
    renderUi(<RequestsTable list={{ rows: [row], page: 2, pageCount: 3 }} filters={filters} readsAll empty="None." t={tEn} locale="en" />);
    const table = screen.getByRole("table", { name: tEn("requests.list.caption", { sort: tEn("requests.list.sort.cost"), dir: tEn("requests.list.dir.desc") }) });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(
      ["reference", "title", "country", "category", "status", "urgency", "cost", "updated"].map((c) => tEn(`requests.list.columns.${c}` as never)),
    );
    const line = within(table).getByRole("row", { name: /REQ-2026-0007/ });
    expect(within(line).getByRole("link", { name: "REQ-2026-0007" }).getAttribute("href")).toBe(`/requests/${row.id}`);
    expect(within(line).getByText("Equipos de marcaje").getAttribute("lang")).toBe("es");
    expect(within(line).getByText(tEn("requests.status.approved")).className).toBe("badge badge-success");
    expect(within(line).getByText(tEn("requests.list.notGiven"))).toBeTruthy();
  });

  it("has no country column for a focal point", () => {
    renderUi(<RequestsTable list={{ rows: [row], page: 1, pageCount: 1 }} filters={filters} readsAll={false} empty="None." t={tEn} locale="en" />);
    expect(screen.queryByRole("columnheader", { name: tEn("requests.list.columns.country") })).toBeNull();
    expect(screen.queryByRole("navigation")).toBeNull();
  });

  it("links to the other pages keeping the filters and sort", () => {
    renderUi(<RequestsTable list={{ rows: [row], page: 2, pageCount: 3 }} filters={filters} readsAll empty="None." t={tEn} locale="en" />);
    const nav = screen.getByRole("navigation", { name: tEn("requests.list.pagination.label") });
    expect(within(nav).getByRole("link", { name: tEn("ui.pagination.previous") }).getAttribute("href")).toBe("/requests?status=approved&sort=cost");
    expect(within(nav).getByRole("link", { name: tEn("ui.pagination.next") }).getAttribute("href")).toBe("/requests?status=approved&sort=cost&page=3");
    expect(within(nav).getByText("Page 2 of 3")).toBeTruthy();
  });

  it("says so when nothing is listed", () => {
    renderUi(<RequestsTable list={{ rows: [], page: 1, pageCount: 0 }} filters={filters} readsAll empty="No request matches." t={tEn} locale="en" />);
    expect(screen.getByText("No request matches.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});

describe("RequestFilters", () => {
  const props = { filters, statuses: ["submitted", "approved"] as const, countries: [{ iso2: "GT", name: "Guatemala" }], programs: [], t: tEn };

  it("offers the officers' filters with the current values, and a way back to the unfiltered list", () => {
    renderUi(<RequestFilters {...props} readsAll isFiltered />);
    expect((screen.getByLabelText(tEn("requests.list.statusLabel")) as HTMLSelectElement).value).toBe("approved");
    expect((screen.getByLabelText(tEn("requests.list.sortLabel")) as HTMLSelectElement).value).toBe("cost");
    expect(screen.getByLabelText(tEn("requests.list.countryLabel"))).toBeTruthy();
    expect(screen.getByRole("link", { name: tEn("requests.list.clear") }).getAttribute("href")).toBe("/requests?sort=cost");
  });

  it("has no country or program filter for a focal point", () => {
    renderUi(<RequestFilters {...props} readsAll={false} isFiltered={false} />);
    expect(screen.queryByLabelText(tEn("requests.list.countryLabel"))).toBeNull();
    expect(screen.queryByLabelText(tEn("requests.list.programLabel"))).toBeNull();
    expect(screen.queryByRole("link", { name: tEn("requests.list.clear") })).toBeNull();
  });
});
