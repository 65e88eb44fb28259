import Link from "next/link";
import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translate";
import { EmptyState } from "./empty-state";
import { Pagination } from "./pagination";
import { hrefWith, type Query } from "./query";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  /** The header's name as text, for the sort link's accessible name (default: header if a string). */
  headerText?: string;
  cell: (row: Row) => ReactNode;
  /** Offer a sort link (`?sort=key&dir=asc|desc`); the page sorts on the server. */
  sortable?: boolean;
  align?: "left" | "right" | "center";
  /** This column names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
  /** A class for the column's body cells (e.g. "nowrap" for amounts and dates). */
  className?: string;
}

export type SortDir = "asc" | "desc";

export interface DataTableProps<Row> {
  /** Says what the table holds; also names the scrollable region. */
  caption: string;
  /** Visually hide the caption (it still names the table). */
  hideCaption?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The sort the rows are in (what the page read from ?sort=&dir=). */
  sort?: { key: string; dir: SortDir };
  /** The page's path and query, for sort and page links. */
  basePath?: string;
  query?: Query;
  pagination?: { page: number; pageCount?: number; hasNext?: boolean; label?: string; param?: string; anchor?: string };
  empty?: ReactNode;
  t: Translate;
  testId?: string;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

function HeaderCell<Row>({ column, sort, basePath, query, t }: { column: Column<Row>; sort?: { key: string; dir: SortDir }; basePath: string; query: Query; t: Translate }) {
  const isSorted = sort?.key === column.key;
  const className = column.align && column.align !== "left" ? `align-${column.align}` : undefined;
  if (!column.sortable) {
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    );
  }
  const nextDir: SortDir = isSorted && sort?.dir === "asc" ? "desc" : "asc";
  const name = column.headerText ?? (typeof column.header === "string" ? column.header : column.key);
  return (
    <th scope="col" className={className} aria-sort={isSorted && sort ? ARIA_SORT[sort.dir] : undefined}>
      <Link className="table-sort" href={hrefWith(basePath, query, { sort: column.key, dir: nextDir, page: undefined })} aria-label={t("ui.table.sortBy", { column: name })}>
        {column.header}
        <span className="table-sort-icon" aria-hidden="true">
          {isSorted ? (sort?.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

/**
 * A table of rows from the server: a caption, column headers (sortable ones are links that the page
 * reads back as ?sort=&dir=, the sorted one has aria-sort), a horizontally scrollable region that
 * keyboard users can focus, and pagination links. Renders on the server (no client code).
 */
export function DataTable<Row>({ caption, hideCaption, columns, rows, rowKey, sort, basePath = "", query = {}, pagination, empty, t, testId }: DataTableProps<Row>) {
  if (rows.length === 0 && !pagination) return <EmptyState title={empty ?? t("ui.table.empty")} testId={testId} />;
  return (
    <div data-testid={testId}>
      <div className="table-wrap" role="region" aria-label={t("ui.table.scrollRegion", { caption })} tabIndex={0}>
        <table className="table">
          <caption className={hideCaption ? "visually-hidden" : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <HeaderCell key={column.key} column={column} sort={sort} basePath={basePath} query={query} t={t} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => {
                  const className = [column.align && column.align !== "left" ? `align-${column.align}` : null, column.className].filter(Boolean).join(" ") || undefined;
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pagination ? <Pagination basePath={basePath} query={query} t={t} {...pagination} /> : null}
    </div>
  );
}
