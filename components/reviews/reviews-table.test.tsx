// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import { plural } from "@/lib/i18n/plural";
import { createTranslator } from "@/lib/i18n/translate";
import type { MyAssignmentRow } from "@/lib/reviews/queries";
import { renderUi, tEn } from "@/test/render-ui";
import { ReviewsTable } from "./reviews-table";

afterEach(cleanup);

const row: MyAssignmentRow = {
  id: "00000000-0000-4000-8000-000000000001",
  status: "active",
  isAutoRecused: false,
  createdAt: new Date("2026-03-01T12:00:00Z"),
  submittedAt: null,
  requestId: "00000000-0000-4000-8000-000000000002",
  reference: "GT-2026-0007",
  titleEn: null,
  titleEs: "Equipos de marcaje",
  primaryLocale: "es",
  requestStatus: "in_review",
  program: null,
};

describe("the reviewer's list", () => {
  it("opens each review by its reference and links the next page", () => {
    renderUi(<ReviewsTable list={{ rows: [row], total: 26, page: 1, pageCount: 2, pageSize: 25 }} t={tEn} locale="en" />);
    const table = screen.getByTestId("my-reviews");
    expect(within(table).getByRole("link", { name: "Open the review of GT-2026-0007" }).getAttribute("href")).toBe(`/reviews/${row.id}`);
    expect(within(table).getByText("Equipos de marcaje").getAttribute("lang")).toBe("es");
    const nav = within(table).getByRole("navigation", { name: "Pages of your reviews" });
    expect(within(nav).getByRole("link", { name: "Next page" }).getAttribute("href")).toBe("/reviews?page=2");
  });

  it("says when nothing is assigned, and counts with real plurals", () => {
    renderUi(<ReviewsTable list={{ rows: [], total: 0, page: 1, pageCount: 1, pageSize: 25 }} t={tEn} locale="en" />);
    expect(screen.getByText("No request has been assigned to you yet.")).toBeTruthy();
    const tEs = createTranslator("es");
    expect(plural(tEn, "en", "reviews.list.total", 1)).toBe("1 request assigned to you.");
    expect(plural(tEs, "es", "reviews.list.total", 1)).toBe("Se le asignó 1 solicitud.");
    expect(plural(tEs, "es", "reviews.list.total", 4)).toBe("Se le asignaron 4 solicitudes.");
  });
});
