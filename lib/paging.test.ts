import { describe, expect, it } from "vitest";
import { emptyPage, LIST_PAGE_SIZE, pageOfRows, pageParamSchema, pageWindow, shownRange } from "./paging";

describe("pageWindow", () => {
  it("pages a total into LIMIT/OFFSET windows of the page size", () => {
    expect(pageWindow(52, { page: 1, pageSize: 25 })).toEqual({ page: 1, pageCount: 3, pageSize: 25, limit: 25, offset: 0 });
    expect(pageWindow(52, { page: 3, pageSize: 25 })).toEqual({ page: 3, pageCount: 3, pageSize: 25, limit: 25, offset: 50 });
    expect(pageWindow(50, { page: 2, pageSize: 25 }).pageCount).toBe(2);
    expect(pageWindow(10).pageSize).toBe(LIST_PAGE_SIZE);
  });

  it("shows the last page for a page past the end, and page 1 of an empty list", () => {
    expect(pageWindow(52, { page: 99, pageSize: 25 })).toMatchObject({ page: 3, offset: 50 });
    expect(pageWindow(0, { page: 4 })).toMatchObject({ page: 1, pageCount: 1, offset: 0 });
    expect(pageWindow(10, { page: 0 })).toMatchObject({ page: 1, offset: 0 });
    expect(emptyPage({ page: 7 })).toEqual({ rows: [], total: 0, page: 1, pageCount: 1, pageSize: LIST_PAGE_SIZE });
  });

  it("reads ?page= as a whole number from 1, anything else as page 1", () => {
    expect(pageParamSchema.parse("3")).toBe(3);
    for (const bad of [undefined, "", "0", "-2", "2.5", "abc", "1e9"]) expect(pageParamSchema.parse(bad), String(bad)).toBe(1);
  });
});

describe("pageOfRows and shownRange", () => {
  const rows = Array.from({ length: 52 }, (_, i) => i + 1);

  it("cuts a list held in memory into pages, the last one short, a page past the end showing the last", () => {
    expect(pageOfRows(rows, { page: 2 })).toEqual({ rows: rows.slice(25, 50), total: 52, page: 2, pageCount: 3, pageSize: 25 });
    expect(pageOfRows(rows, { page: 3 }).rows).toEqual([51, 52]);
    expect(pageOfRows(rows, { page: 40 })).toMatchObject({ page: 3, rows: [51, 52] });
    expect(pageOfRows([], { page: 2 })).toEqual({ rows: [], total: 0, page: 1, pageCount: 1, pageSize: 25 });
  });

  it("gives the positions of a page's first and last rows", () => {
    expect(shownRange(pageOfRows(rows, { page: 2 }))).toEqual({ from: 26, to: 50 });
    expect(shownRange(pageOfRows(rows, { page: 3 }))).toEqual({ from: 51, to: 52 });
    expect(shownRange(pageOfRows(rows.slice(0, 1)))).toEqual({ from: 1, to: 1 });
    expect(shownRange(pageOfRows([]))).toEqual({ from: 0, to: 0 });
  });
});
