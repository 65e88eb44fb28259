import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { countries, organizations, passkeys, sessions, userRoles, users, verificationTokens } from "@/db/schema";
import type { Role } from "@/lib/enums";
import type { CurrentUser } from "@/lib/auth/queries";
import { enqueueMail } from "@/lib/email/outbox";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/translate";
import { forRecord } from "@/lib/mutations/for-record";
import { audit, defineMutation } from "@/lib/mutations/define";
import { refused, userId } from "@/lib/mutations/parse";
import { inviteUserSchema, needsCountry, updateUserSchema } from "./schema";

/** The user an account action names, and nothing else. */
const userInput = z.strictObject({ userId: userId() });

/** How a user is named in the mail they receive: the name, or the address when there is none. */
function nameOf(user: CurrentUser): string {
  return user.name?.trim() || user.email;
}

/**
 * Checks the bindings the roles need against the database and returns the columns to store:
 * a binding no role needs is cleared, so a former focal point keeps no country.
 */
async function resolveBindings(
  tx: Tx,
  input: { roles: Role[]; countryIso2?: string; organizationId?: string },
): Promise<{ countryIso2: string | null; organizationId: string | null }> {
  const fieldErrors: FieldErrors = {};
  let countryIso2: string | null = null;
  let organizationId: string | null = null;

  if (needsCountry(input.roles) && input.countryIso2) {
    const [country] = await tx
      .select({ iso2: countries.iso2, isRecipient: countries.isRecipient })
      .from(countries)
      .where(eq(countries.iso2, input.countryIso2))
      .limit(1);
    if (!country || !country.isRecipient) fieldErrors.countryIso2 = { key: "admin.errors.countryUnknown" };
    else countryIso2 = country.iso2;
  }

  const wantedType = input.roles.includes("implementing_partner")
    ? "implementing_partner"
    : input.roles.includes("donor")
      ? "donor"
      : null;
  if (wantedType && input.organizationId) {
    const [org] = await tx
      .select({ id: organizations.id, type: organizations.type })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId))
      .limit(1);
    if (!org) fieldErrors.organizationId = { key: "admin.errors.organizationUnknown" };
    else if (org.type !== wantedType) {
      fieldErrors.organizationId = {
        key: wantedType === "donor" ? "admin.errors.organizationNotDonor" : "admin.errors.organizationNotPartner",
      };
    } else organizationId = org.id;
  }

  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors);
  return { countryIso2, organizationId };
}

// Strictly later than the stored value at millisecond precision (what a JavaScript Date keeps), so a
// form loaded before this change can never match the new version.
const nextVersion = sql`greatest(now(), ${users.updatedAt} + interval '1 millisecond')`;

/** Creates an active, pre-provisioned account with its roles and mails the invitation. Admins only. */
export const inviteUser = defineMutation({
  permission: "users.manage",
  input: inviteUserSchema,
  run: async (tx, { actor, input: data }): Promise<{ id: string }> => {
    const bindings = await resolveBindings(tx, data);
    // ON CONFLICT keeps a concurrent invite of the same address from failing the transaction half-way.
    const [created] = await tx
      .insert(users)
      .values({
        email: data.email,
        name: data.name,
        locale: data.locale,
        isActive: true,
        countryIso2: bindings.countryIso2,
        organizationId: bindings.organizationId,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!created) throw new ValidationError({ email: { key: "admin.errors.emailTaken" } });

    await tx.insert(userRoles).values(data.roles.map((role) => ({ userId: created.id, role })));
    await audit(tx, actor, {
      action: "user.invite",
      entityType: "user",
      entityId: created.id,
      details: { email: data.email, locale: data.locale, roles: data.roles, ...bindings },
    });
    await enqueueMail(tx, {
      template: "invitation",
      to: data.email,
      locale: data.locale,
      // Role keys, not names: the template renders them in the recipient's language.
      payload: { inviterName: nameOf(actor.user), signInUrl: new URL("/sign-in", actor.baseUrl).toString(), roles: data.roles },
    });
    return { id: created.id };
  },
});

/**
 * Changes a user's name, language, roles and bindings, if nobody changed the user since the form was
 * loaded (expectedUpdatedAt). Admins only; an admin cannot remove their own admin role.
 */
export const updateUser = defineMutation({
  permission: "users.manage",
  input: forRecord("userId", updateUserSchema, { id: userId() }),
  run: async (tx, { actor, input: data }): Promise<{ updatedAt: Date }> => {
    const { userId: id } = data;
    if (id === actor.user.id && !data.roles.includes("admin")) throw new ValidationError({ roles: { key: "admin.errors.cannotRemoveOwnAdmin" } });
    const expected = new Date(data.expectedUpdatedAt);
    const [before] = await tx
      .select({
        name: users.name,
        locale: users.locale,
        countryIso2: users.countryIso2,
        organizationId: users.organizationId,
      })
      .from(users)
      .where(eq(users.id, id))
      .for("update");
    if (!before) throw new NotFoundError("user");
    const bindings = await resolveBindings(tx, data);

    // Timestamps are compared at millisecond precision: the form's version went through a Date.
    const [updated] = await tx
      .update(users)
      .set({
        name: data.name,
        locale: data.locale,
        countryIso2: bindings.countryIso2,
        organizationId: bindings.organizationId,
        updatedAt: nextVersion,
      })
      .where(and(eq(users.id, id), sql`date_trunc('milliseconds', ${users.updatedAt}) = ${expected.toISOString()}::timestamptz`))
      .returning({ updatedAt: users.updatedAt });
    if (!updated) throw new ConflictError("user changed since the form was loaded", "admin.errors.conflict");

    const previousRoles = (await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, id))).map((r) => r.role);
    await tx.delete(userRoles).where(eq(userRoles.userId, id));
    await tx.insert(userRoles).values(data.roles.map((role) => ({ userId: id, role })));

    await audit(tx, actor, {
      action: "user.update",
      entityType: "user",
      entityId: id,
      details: {
        before: { ...before, roles: [...previousRoles].sort() },
        after: { name: data.name, locale: data.locale, roles: data.roles, ...bindings },
      },
    });
    return { updatedAt: updated.updatedAt };
  },
});

/**
 * Deactivates an account and ends all its sessions at once (and any unused sign-in link).
 * Admins only, never on their own account.
 */
export const deactivateUser = defineMutation({
  permission: "users.manage",
  input: userInput,
  run: async (tx, { actor, input: { userId: id } }): Promise<void> => {
    if (id === actor.user.id) throw refused("admin.errors.cannotDeactivateSelf");
    const [row] = await tx
      .update(users)
      .set({ isActive: false, deactivatedAt: sql`now()`, updatedAt: nextVersion })
      .where(and(eq(users.id, id), eq(users.isActive, true)))
      .returning({ email: users.email });
    if (!row) throw await missingOrConflict(tx, id, "user is already deactivated", "admin.errors.alreadyInactive");

    const ended = await tx.delete(sessions).where(eq(sessions.userId, id)).returning({ token: sessions.sessionToken });
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, row.email));
    await audit(tx, actor, { action: "user.deactivate", entityType: "user", entityId: id, details: { sessionsEnded: ended.length } });
  },
});

/** Lets a deactivated account sign in again, with the roles it has. Admins only. */
export const reactivateUser = defineMutation({
  permission: "users.manage",
  input: userInput,
  run: async (tx, { actor, input: { userId: id } }): Promise<void> => {
    const [row] = await tx
      .update(users)
      .set({ isActive: true, deactivatedAt: null, updatedAt: nextVersion })
      .where(and(eq(users.id, id), eq(users.isActive, false)))
      .returning({ id: users.id });
    if (!row) throw await missingOrConflict(tx, id, "user is already active", "admin.errors.alreadyActive");
    await audit(tx, actor, { action: "user.reactivate", entityType: "user", entityId: id });
  },
});

/**
 * Resets a user's lost passkeys (decision 0016): removes all of them and ends all the user's sessions,
 * audited, and mails the user in their language; their next e-mail sign-in registers a new passkey.
 * Admins only, never on their own account.
 */
export const resetUserPasskeys = defineMutation({
  permission: "users.manage",
  input: userInput,
  run: async (tx, { actor, input: { userId: id } }): Promise<{ passkeysRemoved: number; sessionsEnded: number }> => {
    if (id === actor.user.id) throw refused("passkeys.reset.cannotResetSelf");
    const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, id)).for("update");
    if (!user) throw new NotFoundError("user");
    const removed = await tx.delete(passkeys).where(eq(passkeys.userId, id)).returning({ id: passkeys.id });
    if (removed.length === 0) throw new ConflictError("user has no passkey", "passkeys.reset.nothingToReset");
    const ended = await tx.delete(sessions).where(eq(sessions.userId, id)).returning({ token: sessions.sessionToken });
    await audit(tx, actor, {
      action: "user.passkeysReset",
      entityType: "user",
      entityId: id,
      details: { passkeysRemoved: removed.length, sessionsEnded: ended.length },
    });
    await enqueueMail(tx, {
      template: "passkeys-reset",
      to: user.email,
      locale: user.locale,
      payload: { adminName: nameOf(actor.user), url: new URL("/sign-in", actor.baseUrl).toString() },
    });
    return { passkeysRemoved: removed.length, sessionsEnded: ended.length };
  },
});

async function missingOrConflict(tx: Tx, id: string, conflict: string, key: MessageKey): Promise<Error> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).limit(1);
  return existing ? new ConflictError(conflict, key) : new NotFoundError("user");
}
