// The page of each table of a dashboard, read from its URL: one parameter per table, so that paging
// one table keeps the others where they were (?awards=2&reports=3&countries=1).
import { pageParamSchema } from "@/lib/paging";

/** The query parameters naming a dashboard table's page. */
export const DASHBOARD_PAGE_PARAMS = ["awards", "reports", "countries"] as const;
export type DashboardPageParam = (typeof DASHBOARD_PAGE_PARAMS)[number];

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Each table's page from the search params (a missing, malformed or out-of-bounds value reads as page
 * 1; a page past the end is clamped by the query), and the query to keep in page links: only these
 * parameters, and only pages other than the first.
 */
export function dashboardPagesOf(params: SearchParams): { pages: Record<DashboardPageParam, number>; query: Record<string, string | undefined> } {
  const pages = {} as Record<DashboardPageParam, number>;
  const query: Record<string, string | undefined> = {};
  for (const key of DASHBOARD_PAGE_PARAMS) {
    const raw = params[key];
    const page = pageParamSchema.parse(Array.isArray(raw) ? raw[0] : raw);
    pages[key] = page;
    if (page > 1) query[key] = String(page);
  }
  return { pages, query };
}
