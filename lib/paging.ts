// Server-side paging of lists: one COUNT, then one LIMIT/OFFSET query in a stable order.
import { z } from "zod";

/** Rows per page of the lists that use this helper (awards, approvals, reviews). */
export const LIST_PAGE_SIZE = 25;

/** What a list query is asked for: a 1-based page and its size. */
export interface PageRequest {
  page?: number;
  pageSize?: number;
}

/** One page of a list, with the count of every row the list holds for this user. */
export interface Paged<Row> {
  rows: Row[];
  /** Every row this user may see under these filters, not only this page's. */
  total: number;
  /** The page shown: the one asked for, clamped to the last page (1 when the list is empty). */
  page: number;
  pageCount: number;
  pageSize: number;
}

/** `?page=` from the query string: a whole number from 1 (anything else reads as page 1). */
export const pageParamSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

/** The page to show for a total, and its LIMIT/OFFSET: a page past the end shows the last one. */
export function pageWindow(total: number, request: PageRequest = {}) {
  const pageSize = Math.max(1, Math.floor(request.pageSize ?? LIST_PAGE_SIZE));
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(request.page ?? 1)), pageCount);
  return { page, pageCount, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/** An empty list (no row visible to this user). */
export function emptyPage<Row>(request: PageRequest = {}): Paged<Row> {
  const { page, pageCount, pageSize } = pageWindow(0, request);
  return { rows: [], total: 0, page, pageCount, pageSize };
}

/** One page of rows already held in memory in their stable order (a short list such as a program's countries). */
export function pageOfRows<Row>(rows: readonly Row[], request: PageRequest = {}): Paged<Row> {
  const { page, pageCount, pageSize, limit, offset } = pageWindow(rows.length, request);
  return { rows: rows.slice(offset, offset + limit), total: rows.length, page, pageCount, pageSize };
}

/** The 1-based positions of a page's first and last rows in the whole list (0 and 0 when it is empty). */
export function shownRange(paged: Pick<Paged<unknown>, "page" | "pageSize" | "total" | "rows">): { from: number; to: number } {
  if (paged.total === 0 || paged.rows.length === 0) return { from: 0, to: 0 };
  const from = (paged.page - 1) * paged.pageSize + 1;
  return { from, to: from + paged.rows.length - 1 };
}
