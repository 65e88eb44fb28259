import type { Permission } from "@/lib/auth/policies";
import { hasPermission } from "@/lib/auth/policies";
import type { MessageKey } from "@/lib/i18n/translate";
import type { Role } from "@/lib/enums";

export interface NavItem {
  href: string;
  label: MessageKey;
  /** Who sees the item: anyone signed in when absent; with a list, anyone holding one of them. */
  permission?: Permission | readonly Permission[];
}

/** The navigation, by permission; an item appears only for users who may use it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "common.nav.home" },
  { href: "/requests", label: "common.nav.requests", permission: ["requests.readOwnCountry", "requests.readAll"] },
  { href: "/reviews", label: "common.nav.reviews", permission: "reviews.score" },
  {
    href: "/awards",
    label: "common.nav.awards",
    permission: ["awards.create", "awards.approve", "awards.readImplemented", "requests.readOwnCountry"],
  },
  { href: "/approvals", label: "common.nav.approvals", permission: "awards.approve" },
  { href: "/programs", label: "common.nav.programs", permission: ["programs.readAll", "programs.manage"] },
  { href: "/dashboards", label: "dashboards.nav", permission: ["programs.readAll", "programs.readFunded"] },
  { href: "/admin/users", label: "common.nav.users", permission: "users.manage" },
];

function mayUse(user: { roles: readonly Role[] }, permission: NavItem["permission"]): boolean {
  if (!permission) return true;
  const anyOf: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  return anyOf.some((p) => hasPermission(user, p));
}

export function navFor(user: { roles: readonly Role[] }): NavItem[] {
  return NAV_ITEMS.filter((item) => mayUse(user, item.permission));
}
