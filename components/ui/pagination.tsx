import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import { hrefWith, type Query } from "./query";

export interface PaginationProps {
  /** The page's path and its current query (kept in the links, e.g. sort and filters). */
  basePath: string;
  query?: Query;
  /** 1-based. */
  page: number;
  /** Total pages when known; otherwise pass hasNext. */
  pageCount?: number;
  hasNext?: boolean;
  /** Names the navigation when a page has several lists (default: "Pages"). */
  label?: string;
  /** The query parameter holding the page (default "page"; a page with several lists gives each its own). */
  param?: string;
  /** The id of the list's section, so that a page link lands on the list rather than the top of the page. */
  anchor?: string;
  t: Translate;
}

/**
 * Previous/next links for a list paged on the server (`?page=`), with "Page n of m". A link that leads
 * nowhere stays in place, marked aria-disabled and without href, so the layout does not jump.
 */
export function Pagination({ basePath, query = {}, page, pageCount, hasNext, label, param = "page", anchor, t }: PaginationProps) {
  const isLast = pageCount !== undefined ? page >= pageCount : !hasNext;
  if (page <= 1 && isLast) return null;
  const link = (target: number, label: string, disabled: boolean, rel: "prev" | "next") =>
    disabled ? (
      <a className="btn" aria-disabled="true" role="link">
        {label}
      </a>
    ) : (
      <Link className="btn" href={`${hrefWith(basePath, query, { [param]: target === 1 ? undefined : target })}${anchor ? `#${anchor}` : ""}`} rel={rel}>
        {label}
      </Link>
    );
  return (
    <nav className="pagination" aria-label={label ?? t("ui.pagination.label")}>
      <p className="pagination-status" aria-live="polite">
        {pageCount !== undefined ? t("ui.pagination.status", { page, pageCount }) : t("ui.pagination.statusOpen", { page })}
      </p>
      <div className="row">
        {link(page - 1, t("ui.pagination.previous"), page <= 1, "prev")}
        {link(page + 1, t("ui.pagination.next"), isLast, "next")}
      </div>
    </nav>
  );
}
