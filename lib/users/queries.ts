import "server-only";
import { and, asc, count, eq, exists, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { countries, organizations, passkeys, userRoles, users } from "@/db/schema";
import { ROLES, type Locale, type OrganizationType, type Role } from "@/lib/enums";
import { hasPermission } from "@/lib/auth/policies";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError } from "@/lib/errors";
import { USER_STATUSES, type UserStatus } from "./schema";
import { LIST_PAGE_SIZE, pageParamSchema, pageWindow } from "@/lib/paging";

export const USERS_PAGE_SIZE = LIST_PAGE_SIZE;

export interface AdminUserRow {
  id: string;
  name: string | null;
  email: string;
  locale: Locale;
  isActive: boolean;
  roles: Role[];
  country: { iso2: string; nameEn: string; nameEs: string } | null;
  organization: { id: string; type: OrganizationType; nameEn: string; nameEs: string } | null;
}

export interface AdminUserDetail extends AdminUserRow {
  countryIso2: string | null;
  organizationId: string | null;
  deactivatedAt: Date | null;
  createdAt: Date;
  /** The version the edit form sends back as expectedUpdatedAt. */
  updatedAt: Date;
  /** How many passkeys (the staff second factor) the user has registered. */
  passkeyCount: number;
}

export interface UserListFilters {
  search?: string;
  role?: string;
  status?: string;
  page?: number | string;
}

export interface UserListPage {
  rows: AdminUserRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** The filters as applied (unknown values dropped), for links that keep them. */
  filters: { search: string; role: Role | null; status: UserStatus | null };
}

// Every function here is for administrators only; anyone else is told the data do not exist.
function assertAdmin(actor: CurrentUser | null | undefined): asserts actor is CurrentUser {
  if (!hasPermission(actor, "users.manage")) throw new NotFoundError("users");
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Normalizes list filters from a query string; anything unknown is ignored rather than an error. */
export function normalizeUserListFilters(filters: UserListFilters): UserListPage["filters"] & { page: number } {
  const search = (filters.search ?? "").trim().slice(0, 200);
  const role = (ROLES as readonly string[]).includes(filters.role ?? "") ? (filters.role as Role) : null;
  const status = (USER_STATUSES as readonly string[]).includes(filters.status ?? "") ? (filters.status as UserStatus) : null;
  return { search, role, status, page: pageParamSchema.parse(filters.page) };
}

const rowColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  locale: users.locale,
  isActive: users.isActive,
  countryIso2: users.countryIso2,
  organizationId: users.organizationId,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  countryNameEn: countries.nameEn,
  countryNameEs: countries.nameEs,
  orgType: organizations.type,
  orgNameEn: organizations.nameEn,
  orgNameEs: organizations.nameEs,
};

type RawRow = {
  id: string;
  name: string | null;
  email: string;
  locale: Locale;
  isActive: boolean;
  countryIso2: string | null;
  organizationId: string | null;
  deactivatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  countryNameEn: string | null;
  countryNameEs: string | null;
  orgType: OrganizationType | null;
  orgNameEn: string | null;
  orgNameEs: string | null;
};

function toRow(raw: RawRow, roles: Role[]): AdminUserRow {
  return {
    id: raw.id,
    name: raw.name,
    email: raw.email,
    locale: raw.locale,
    isActive: raw.isActive,
    roles,
    country:
      raw.countryIso2 && raw.countryNameEn && raw.countryNameEs
        ? { iso2: raw.countryIso2, nameEn: raw.countryNameEn, nameEs: raw.countryNameEs }
        : null,
    organization:
      raw.organizationId && raw.orgType && raw.orgNameEn && raw.orgNameEs
        ? { id: raw.organizationId, type: raw.orgType, nameEn: raw.orgNameEn, nameEs: raw.orgNameEs }
        : null,
  };
}

async function rolesByUser(userIds: string[]): Promise<Map<string, Role[]>> {
  const out = new Map<string, Role[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const db = await getDb();
  const rows = await db
    .select({ userId: userRoles.userId, role: userRoles.role })
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds));
  for (const row of rows) out.get(row.userId)?.push(row.role);
  // Always in the declared order, so lists and audit diffs are stable.
  for (const [id, roles] of out) out.set(id, ROLES.filter((r) => roles.includes(r)));
  return out;
}

/** One page (25) of users, filtered by name/email search, role and status. Admins only. */
export async function listUsers(actor: CurrentUser, filters: UserListFilters = {}): Promise<UserListPage> {
  assertAdmin(actor);
  const { search, role, status, page: requestedPage } = normalizeUserListFilters(filters);
  const db = await getDb();

  const conditions: SQL[] = [];
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (role) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(userRoles)
          .where(and(eq(userRoles.userId, users.id), eq(userRoles.role, role))),
      ),
    );
  }
  if (status) conditions.push(eq(users.isActive, status === "active"));
  const where = conditions.length ? and(...conditions) : undefined;

  const [{ total }] = await db.select({ total: count() }).from(users).where(where);
  const { page, pageCount, limit, offset } = pageWindow(total, { page: requestedPage, pageSize: USERS_PAGE_SIZE });

  const raw = await db
    .select(rowColumns)
    .from(users)
    .leftJoin(countries, eq(countries.iso2, users.countryIso2))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(where)
    .orderBy(asc(sql`lower(coalesce(${users.name}, ${users.email}))`), asc(users.email))
    .limit(limit)
    .offset(offset);
  const roles = await rolesByUser(raw.map((r) => r.id));

  return {
    rows: raw.map((r) => toRow(r, roles.get(r.id) ?? [])),
    total,
    page,
    pageSize: USERS_PAGE_SIZE,
    pageCount,
    filters: { search, role, status },
  };
}

/** One user with roles and bindings, for the edit page; NotFoundError when missing. Admins only. */
export async function getUserForAdmin(actor: CurrentUser, userId: string): Promise<AdminUserDetail> {
  assertAdmin(actor);
  const db = await getDb();
  const [raw] = await db
    .select(rowColumns)
    .from(users)
    .leftJoin(countries, eq(countries.iso2, users.countryIso2))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!raw) throw new NotFoundError("user");
  const roles = (await rolesByUser([raw.id])).get(raw.id) ?? [];
  const [{ passkeyCount }] = await db.select({ passkeyCount: count() }).from(passkeys).where(eq(passkeys.userId, raw.id));
  return {
    ...toRow(raw, roles),
    countryIso2: raw.countryIso2,
    organizationId: raw.organizationId,
    deactivatedAt: raw.deactivatedAt,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
    passkeyCount,
  };
}

export interface AssignableCountry {
  iso2: string;
  nameEn: string;
  nameEs: string;
}

/** The countries a focal point may be bound to (recipient countries). Admins only. */
export async function listAssignableCountries(actor: CurrentUser): Promise<AssignableCountry[]> {
  assertAdmin(actor);
  const db = await getDb();
  return db
    .select({ iso2: countries.iso2, nameEn: countries.nameEn, nameEs: countries.nameEs })
    .from(countries)
    .where(eq(countries.isRecipient, true))
    .orderBy(asc(countries.nameEn));
}

export interface AssignableOrganization {
  id: string;
  type: "implementing_partner" | "donor";
  nameEn: string;
  nameEs: string;
}

/**
 * The organizations a user may be bound to: implementing partners and donors (government agencies
 * bind no user role). Admins only.
 */
export async function listOrganizations(actor: CurrentUser): Promise<AssignableOrganization[]> {
  assertAdmin(actor);
  const db = await getDb();
  const rows = await db
    .select({ id: organizations.id, type: organizations.type, nameEn: organizations.nameEn, nameEs: organizations.nameEs })
    .from(organizations)
    .where(inArray(organizations.type, ["implementing_partner", "donor"]))
    .orderBy(asc(organizations.type), asc(organizations.nameEn));
  return rows as AssignableOrganization[];
}
