// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import { renderUi, tEn } from "@/test/render-ui";
import { DataTable, type Column } from "./data-table";

afterEach(cleanup);

interface Row {
  id: string;
  name: string;
  amount: string;
}

const columns: Column<Row>[] = [
  { key: "name", header: "Name", cell: (r) => r.name, sortable: true, rowHeader: true },
  { key: "amount", header: "Amount", cell: (r) => r.amount, sortable: true, align: "right" },
  { key: "id", header: "Ref", cell: (r) => r.id },
];
const rows: Row[] = [
  { id: "r1", name: "Honduras", amount: "$10.00" },
  { id: "r2", name: "Belize", amount: "$5.00" },
];

function table(props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) {
  return renderUi(<DataTable caption="Awards" columns={columns} rows={rows} rowKey={(r) => r.id} basePath="/awards" query={{ status: "active" }} t={tEn} {...props} />);
}

describe("DataTable", () => {
  it("marks the sorted column with aria-sort and links each sortable header to the other order, keeping filters", () => {
    table({ sort: { key: "amount", dir: "asc" }, query: { status: "active", page: "3" } });
    const headers = screen.getAllByRole("columnheader");
    expect(headers.map((h) => h.getAttribute("aria-sort"))).toEqual([null, "ascending", null]);
    const amountLink = within(headers[1]).getByRole("link", { name: "Sort by Amount" });
    expect(amountLink.getAttribute("href")).toBe("/awards?status=active&sort=amount&dir=desc");
    const nameLink = within(headers[0]).getByRole("link", { name: "Sort by Name" });
    expect(nameLink.getAttribute("href")).toBe("/awards?status=active&sort=name&dir=asc");
    expect(within(headers[2]).queryByRole("link")).toBeNull();
  });

  it("descending is said as such", () => {
    table({ sort: { key: "name", dir: "desc" } });
    expect(screen.getAllByRole("columnheader")[0].getAttribute("aria-sort")).toBe("descending");
  });

  it("rows are named by their row header; the scrollable region is focusable and labelled by the caption", () => {
    table();
    expect(screen.getByRole("table", { name: "Awards" })).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: "Belize" })).toBeTruthy();
    const region = screen.getByRole("region", { name: tEn("ui.table.scrollRegion", { caption: "Awards" }) });
    expect(region.getAttribute("tabindex")).toBe("0");
  });

  it("pages through links that keep the sort; the missing direction is disabled, not a link", () => {
    table({ sort: { key: "name", dir: "asc" }, query: { sort: "name", dir: "asc" }, pagination: { page: 1, pageCount: 3 } });
    const nav = screen.getByRole("navigation", { name: tEn("ui.pagination.label") });
    expect(within(nav).getByText("Page 1 of 3")).toBeTruthy();
    const next = within(nav).getByRole("link", { name: tEn("ui.pagination.next") });
    expect(next.getAttribute("href")).toBe("/awards?sort=name&dir=asc&page=2");
    const previous = within(nav).getByRole("link", { name: tEn("ui.pagination.previous") });
    expect(previous.getAttribute("aria-disabled")).toBe("true");
    expect(previous.getAttribute("href")).toBeNull();
  });

  it("the last page links back (page 1 without ?page=) and not forward", () => {
    table({ pagination: { page: 2, hasNext: false } });
    const nav = screen.getByRole("navigation");
    expect(within(nav).getByRole("link", { name: tEn("ui.pagination.previous") }).getAttribute("href")).toBe("/awards?status=active");
    expect(within(nav).getByRole("link", { name: tEn("ui.pagination.next") }).getAttribute("aria-disabled")).toBe("true");
    expect(within(nav).getByText("Page 2")).toBeTruthy();
  });

  it("names its page navigation as told, when a page has several lists", () => {
    table({ pagination: { page: 1, pageCount: 2, label: "Pages of awards" } });
    expect(screen.getByRole("navigation", { name: "Pages of awards" })).toBeTruthy();
  });

  it("with no rows shows the empty state instead of an empty table", () => {
    table({ rows: [], empty: "No awards yet." });
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByText("No awards yet.")).toBeTruthy();
  });

  it("gives a column's class to its body cells, beside the alignment, and not to its header", () => {
    table({ columns: [columns[0], { ...columns[1], className: "nowrap" }] });
    const amounts = screen.getAllByRole("cell");
    expect(amounts.map((cell) => cell.className)).toEqual(["align-right nowrap", "align-right nowrap"]);
    expect(screen.getAllByRole("columnheader")[1].className).toBe("align-right");
    expect(screen.getAllByRole("rowheader")[0].className).toBe("");
  });
});
