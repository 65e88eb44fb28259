// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import type { AwardListRow, PendingApprovalRow } from "@/lib/awards/queries";
import { plural } from "@/lib/i18n/plural";
import { createTranslator } from "@/lib/i18n/translate";
import type { Paged } from "@/lib/paging";
import { renderUi, tEn } from "@/test/render-ui";
import { ApprovalsTable } from "./approvals-table";
import { AwardsTable } from "./awards-table";

afterEach(cleanup);

const tEs = createTranslator("es");

function award(n: number): AwardListRow {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    reference: `AW-2026-000${n}`,
    titleEn: `Marking machines ${n}`,
    titleEs: null,
    status: "active",
    amountMinor: 10_000_000,
    currency: "USD",
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    program: { id: "p", nameEn: "Marking", nameEs: "Marcaje" },
    partner: { id: "o", nameEn: "OAS", nameEs: "OEA" },
    country: { iso2: "GT", nameEn: "Guatemala", nameEs: "Guatemala" },
  };
}

const page = <Row,>(rows: Row[], changes: Partial<Paged<Row>> = {}): Paged<Row> => ({ rows, total: rows.length, page: 1, pageCount: 1, pageSize: 25, ...changes });

describe("the awards list", () => {
  it("shows one page of awards with links to the others that keep the filters", () => {
    renderUi(<AwardsTable list={page([award(1), award(2)], { total: 52, page: 2, pageCount: 3 })} query={{ status: "active", program: undefined }} empty="none" t={tEn} locale="en" />);
    const table = screen.getByTestId("awards-table");
    expect(within(table).getAllByRole("rowheader").map((c) => within(c).getByRole("link").textContent)).toEqual(["AW-2026-0001", "AW-2026-0002"]);
    const nav = within(table).getByRole("navigation", { name: "Pages of awards" });
    expect(within(nav).getByText("Page 2 of 3")).toBeTruthy();
    expect(within(nav).getByRole("link", { name: "Previous page" }).getAttribute("href")).toBe("/awards?status=active");
    expect(within(nav).getByRole("link", { name: "Next page" }).getAttribute("href")).toBe("/awards?status=active&page=3");
  });

  it("says so when no award is listed, without a table", () => {
    renderUi(<AwardsTable list={page([])} query={{}} empty="No award matches these filters." t={tEn} locale="en" />);
    expect(screen.getByText("No award matches these filters.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("counts awards with real plurals in both languages", () => {
    expect(plural(tEn, "en", "awards.list.total", 1)).toBe("1 award found.");
    expect(plural(tEn, "en", "awards.list.total", 1250)).toBe("1,250 awards found.");
    expect(plural(tEs, "es", "awards.list.total", 1)).toBe("Se encontró 1 subvención.");
    expect(plural(tEs, "es", "awards.list.total", 3)).toBe("Se encontraron 3 subvenciones.");
    expect(plural(tEn, "en", "awards.approvals.total", 1)).toBe("1 award is waiting for a second approval.");
    expect(plural(tEs, "es", "awards.approvals.total", 2)).toBe("2 subvenciones esperan una segunda aprobación.");
  });
});

describe("the approvals list", () => {
  const pending = (n: number, blocker: PendingApprovalRow["approvalBlocker"]): PendingApprovalRow => ({
    ...award(n),
    status: "pending_approval",
    createdByName: "Olivia Officer",
    canApprove: blocker === null,
    approvalBlocker: blocker,
  });

  it("links the awards this approver may approve, says why not for the others, and pages on", () => {
    renderUi(<ApprovalsTable list={page([pending(1, null), pending(2, "creator")], { total: 30, pageCount: 2 })} t={tEn} locale="en" />);
    const table = screen.getByTestId("approvals-table");
    expect(within(table).getByRole("link", { name: "Review and approve" }).getAttribute("href")).toBe(`/awards/${pending(1, null).id}`);
    expect(within(table).getByText("You created it")).toBeTruthy();
    const nav = within(table).getByRole("navigation", { name: "Pages of awards awaiting approval" });
    expect(within(nav).getByRole("link", { name: "Next page" }).getAttribute("href")).toBe("/approvals?page=2");
  });

  it("says when nothing waits", () => {
    renderUi(<ApprovalsTable list={page([])} t={tEs} locale="es" />);
    expect(screen.getByRole("status").textContent).toBe("Ninguna subvención espera una segunda aprobación.");
  });
});
