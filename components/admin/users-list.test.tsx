// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import type { UserListPage } from "@/lib/users/queries";
import { renderUi, tEn } from "@/test/render-ui";
import { createTranslator } from "@/lib/i18n/translate";
import { UserFilters, UsersCount, UsersTable } from "./users-list";

afterEach(cleanup);

const ROW: UserListPage["rows"][number] = {
  id: "5f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f",
  name: "Grace Thompson",
  email: "grace@example.org",
  locale: "es",
  isActive: false,
  roles: ["focal_point", "reviewer"],
  country: { iso2: "JM", nameEn: "Jamaica", nameEs: "Jamaica (es)" },
  organization: null,
};

function page(overrides: Partial<UserListPage>): UserListPage {
  return { rows: [ROW], total: 60, page: 2, pageSize: 25, pageCount: 3, filters: { search: "grace", role: "reviewer", status: null }, ...overrides };
}

describe("the users list", () => {
  it("shows a row per user and pages with links that keep the filters", () => {
    renderUi(<UsersTable list={page({})} t={tEn} locale="en" />);
    const row = screen.getByRole("row", { name: /Grace Thompson/ });
    expect(within(row).getByRole("link", { name: "Grace Thompson" }).getAttribute("href")).toBe(`/admin/users/${ROW.id}`);
    expect(row.textContent).toContain("Jamaica");
    expect(row.textContent).toContain(tEn("admin.status.inactive"));
    expect(row.textContent).toContain(tEn("common.roles.reviewer"));
    expect(screen.getByRole("link", { name: tEn("ui.pagination.next") }).getAttribute("href")).toBe("/admin/users?q=grace&role=reviewer&page=3");
    expect(screen.getByRole("link", { name: tEn("ui.pagination.previous") }).getAttribute("href")).toBe("/admin/users?q=grace&role=reviewer");
  });

  it("counts the users found and says which of them the page shows, in both languages", () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ ...ROW, id: `u${i}` }));
    renderUi(<UsersCount list={page({ rows, total: 1_260 })} t={tEn} locale="en" />);
    expect(screen.getByRole("status").textContent).toBe("Showing 26–50 of 1,260 users found.");
    cleanup();
    renderUi(<UsersCount list={page({ rows: [ROW], total: 1, page: 1, pageCount: 1 })} t={createTranslator("es")} locale="es" />);
    expect(screen.getByRole("status").textContent).toBe("Se encontró 1 usuario.");
    cleanup();
    renderUi(<UsersCount list={page({ rows: [], total: 0, page: 1, pageCount: 1 })} t={tEn} locale="en" />);
    expect(screen.getByRole("status").textContent).toBe("No user found.");
  });

  it("says when no user matches", () => {
    renderUi(<UsersTable list={page({ rows: [], total: 0, page: 1, pageCount: 1 })} t={tEn} locale="en" />);
    expect(screen.getByText(tEn("admin.users.empty"))).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("the filters keep what was applied and offer to clear it", () => {
    renderUi(<UserFilters filters={{ search: "grace", role: "reviewer", status: null }} t={tEn} />);
    expect((screen.getByLabelText(tEn("admin.users.searchLabel")) as HTMLInputElement).value).toBe("grace");
    expect(screen.getByRole("link", { name: tEn("admin.users.clear") }).getAttribute("href")).toBe("/admin/users");
  });
});
