// Links to the requests list that keep its filters and sort.
import type { RequestListFilters } from "@/lib/requests/schema";

const LIST_DEFAULTS = { sort: "updated", dir: "desc", page: 1 } as const;

/** The list's query for the filters and sort, without the defaults (page 1 unless given). */
export function requestsListQuery(filters: RequestListFilters, changes: Partial<RequestListFilters> = {}): Record<string, string> {
  const next: RequestListFilters = { ...filters, page: 1, ...changes };
  const query: Record<string, string> = {};
  for (const key of ["q", "status", "category", "country", "program"] as const) {
    const value = next[key];
    if (value) query[key] = value;
  }
  if (next.sort !== LIST_DEFAULTS.sort) query.sort = next.sort;
  if (next.dir !== LIST_DEFAULTS.dir) query.dir = next.dir;
  if (next.page > LIST_DEFAULTS.page) query.page = String(next.page);
  return query;
}

/** A link to the list that keeps the filters and sort, with some of them changed (page 1 unless given). */
export function requestsListHref(filters: RequestListFilters, changes: Partial<RequestListFilters> = {}): string {
  const qs = new URLSearchParams(requestsListQuery(filters, changes)).toString();
  return qs ? `/requests?${qs}` : "/requests";
}

