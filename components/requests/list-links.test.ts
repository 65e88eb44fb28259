import { describe, expect, it } from "vitest";
import { requestListFiltersSchema } from "@/lib/requests/schema";
import { hrefWith } from "@/components/ui/query";
import { requestsListHref, requestsListQuery } from "./list-links";

describe("requestsListHref", () => {
  const defaults = requestListFiltersSchema.parse({});

  it("is the bare list with the defaults", () => {
    expect(requestsListHref(defaults)).toBe("/requests");
  });

  it("keeps the filters and sort, and goes back to page 1 unless told", () => {
    const filters = requestListFiltersSchema.parse({ status: "submitted", q: "marcaje & co", sort: "cost", dir: "asc", page: "3" });
    expect(requestsListHref(filters, { page: 4 })).toBe("/requests?q=marcaje+%26+co&status=submitted&sort=cost&dir=asc&page=4");
    expect(requestsListHref(filters)).toBe("/requests?q=marcaje+%26+co&status=submitted&sort=cost&dir=asc");
    expect(requestsListHref(filters, { status: undefined })).toBe("/requests?q=marcaje+%26+co&sort=cost&dir=asc");
  });

  it("gives the query the pagination links keep: the same links as before", () => {
    const filters = requestListFiltersSchema.parse({ status: "submitted", q: "marcaje", dir: "asc", page: "3" });
    const query = requestsListQuery(filters, { page: filters.page });
    expect(query).toEqual({ q: "marcaje", status: "submitted", dir: "asc", page: "3" });
    expect(hrefWith("/requests", query, { page: 4 })).toBe(requestsListHref(filters, { page: 4 }));
    expect(hrefWith("/requests", query, { page: undefined })).toBe(requestsListHref(filters, { page: 1 }));
  });
});
