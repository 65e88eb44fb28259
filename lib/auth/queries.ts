import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { countries, organizations, passkeys, sessions, userRoles, users } from "@/db/schema";
import type { Locale, Role } from "@/lib/enums";
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

export interface SessionRow {
  sessionToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expires: Date;
  secondFactorAt: Date | null;
}

/**
 * A session row and its active user, whatever the row is worth (the caller applies the lifetime and
 * second-factor rules of lib/auth/session-rules.ts); null when there is no such row or the account is
 * deactivated. Anyone (session lookup).
 */
export async function loadSessionWithUser(sessionToken: string): Promise<{ session: SessionRow; user: CurrentUser } | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      sessionToken: sessions.sessionToken,
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expires: sessions.expires,
      secondFactorAt: sessions.secondFactorAt,
    })
    .from(sessions)
    .where(eq(sessions.sessionToken, sessionToken))
    .limit(1);
  if (!row) return null;
  const user = await loadActiveUser(row.userId);
  if (!user) return null;
  return {
    session: { sessionToken: row.sessionToken, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, expires: row.expires, secondFactorAt: row.secondFactorAt },
    user,
  };
}

/** How many passkeys a user has registered. The user themself or the session lookup. */
export async function countPasskeys(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.n ?? 0;
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

export type DemoAccount = Awaited<ReturnType<typeof listDemoAccounts>>[number];
