import type { Permission } from "@/lib/auth/policies";
import { hasPermission } from "@/lib/auth/policies";
import type { MessageKey } from "@/lib/i18n/translate";
import type { Role } from "@/db/schema/enums";

export interface NavItem {
  href: string;
  label: MessageKey;
  permission?: Permission;
}

/** The navigation, by permission; an item appears only for users who may use it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "common.nav.home" },
  { href: "/admin/users", label: "common.nav.users", permission: "users.manage" },
];

export function navFor(user: { roles: readonly Role[] }): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || hasPermission(user, item.permission));
}
