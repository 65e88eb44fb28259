import "server-only";
import { and, eq, gt, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { countries, organizations, sessions, userRoles, users } from "@/db/schema";
import type { Locale, Role } from "@/db/schema/enums";
import { DEMO_USERS } from "@/db/seed/demo-data";
import { isDemoMode } from "@/lib/demo";

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  locale: Locale;
  roles: Role[];
  countryIso2: string | null;
  country: { iso2: string; nameEn: string; nameEs: string } | null;
  organizationId: string | null;
  organization: { id: string; key: string; type: string; nameEn: string; nameEs: string } | null;
}

/** Reads an active user with roles, country and organization; null when missing or deactivated. Anyone (session lookup). */
export async function loadActiveUser(userId: string): Promise<CurrentUser | null> {
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      countryIso2: users.countryIso2,
      organizationId: users.organizationId,
      countryNameEn: countries.nameEn,
      countryNameEs: countries.nameEs,
      orgKey: organizations.key,
      orgType: organizations.type,
      orgNameEn: organizations.nameEn,
      orgNameEs: organizations.nameEs,
    })
    .from(users)
    .leftJoin(countries, eq(countries.iso2, users.countryIso2))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.id, userId), eq(users.isActive, true)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const roleRows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    roles: roleRows.map((r) => r.role).sort(),
    countryIso2: row.countryIso2,
    country:
      row.countryIso2 && row.countryNameEn && row.countryNameEs
        ? { iso2: row.countryIso2, nameEn: row.countryNameEn, nameEs: row.countryNameEs }
        : null,
    organizationId: row.organizationId,
    organization:
      row.organizationId && row.orgKey && row.orgType && row.orgNameEn && row.orgNameEs
        ? { id: row.organizationId, key: row.orgKey, type: row.orgType, nameEn: row.orgNameEn, nameEs: row.orgNameEs }
        : null,
  };
}

/** The active user behind an unexpired session token; null otherwise. Anyone (session lookup). */
export async function loadActiveUserBySession(sessionToken: string): Promise<CurrentUser | null> {
  const db = await getDb();
  const [session] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, sessionToken), gt(sessions.expires, new Date())))
    .limit(1);
  return session ? loadActiveUser(session.userId) : null;
}

/** Looks up an active account by email, for sign-in. Anyone (pre-sign-in). */
export async function findActiveUserByEmail(email: string): Promise<{ id: string; locale: Locale } | null> {
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), eq(users.isActive, true)))
    .limit(1);
  return rows[0] ?? null;
}

/** The seeded demo accounts for one-click sign-in; empty outside demo mode. Anyone, in demo mode. */
export async function listDemoAccounts() {
  if (!isDemoMode()) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, email: users.email, isActive: users.isActive })
    .from(users)
    .where(inArray(users.email, DEMO_USERS.map((u) => u.email)));
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  return DEMO_USERS.flatMap((u) => {
    const row = byEmail.get(u.email);
    return row && row.isActive ? [{ id: row.id, email: u.email, name: u.name, roles: u.roles, description: u.description }] : [];
  });
}
