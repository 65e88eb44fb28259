// Links to the requests list that keep its filters and sort.
import type { RequestListFilters } from "@/lib/requests/schema";

const LIST_DEFAULTS = { sort: "updated", dir: "desc", page: 1 } as const;

/** A link to the list that keeps the filters and sort, with some of them changed (page 1 unless given). */
export function requestsListHref(filters: RequestListFilters, changes: Partial<RequestListFilters> = {}): string {
  const next: RequestListFilters = { ...filters, page: 1, ...changes };
  const query = new URLSearchParams();
  for (const key of ["q", "status", "category", "country", "program"] as const) {
    const value = next[key];
    if (value) query.set(key, value);
  }
  if (next.sort !== LIST_DEFAULTS.sort) query.set("sort", next.sort);
  if (next.dir !== LIST_DEFAULTS.dir) query.set("dir", next.dir);
  if (next.page > LIST_DEFAULTS.page) query.set("page", String(next.page));
  const qs = query.toString();
  return qs ? `/requests?${qs}` : "/requests";
}

