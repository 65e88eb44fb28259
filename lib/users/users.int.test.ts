import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { auditEvents, organizations, outbox, sessions, userRoles, users } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/demo-data";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { deactivateUser, inviteUser, reactivateUser, updateUser } from "./mutations";
import { getUserForAdmin, listAssignableCountries, listOrganizations, listUsers, USERS_PAGE_SIZE } from "./queries";

const ctx = { ip: "203.0.113.7", userAgent: "vitest", baseUrl: "https://portal.example.org" };
const NON_ADMIN_EMAILS = DEMO_USERS.filter((u) => !u.roles.includes("admin")).map((u) => u.email);

let testDb: TestDb;
let orgIds: Record<string, string>;
const actors: Record<string, CurrentUser> = {};
let admin: CurrentUser;

async function actorByEmail(email: string): Promise<CurrentUser> {
  const [row] = await testDb.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const user = await loadActiveUser(row.id);
  if (!user) throw new Error(`demo user ${email} missing`);
  return user;
}

/** Everything the user-management functions may write, to prove a refused call changed nothing. */
async function snapshot() {
  const db = testDb.db;
  return {
    users: await db.select().from(users).orderBy(asc(users.id)),
    userRoles: await db
      .select({ userId: userRoles.userId, role: userRoles.role })
      .from(userRoles)
      .orderBy(asc(userRoles.userId), asc(userRoles.role)),
    auditEvents: (await db.select({ n: count() }).from(auditEvents))[0].n,
    outbox: (await db.select({ n: count() }).from(outbox))[0].n,
    sessions: await db.select().from(sessions).orderBy(asc(sessions.sessionToken)),
  };
}

async function auditFor(userId: string, action: string) {
  return testDb.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, userId), eq(auditEvents.action, action)));
}

async function versionOf(userId: string): Promise<string> {
  return (await getUserForAdmin(admin, userId)).updatedAt.toISOString();
}

let inviteCounter = 0;
async function invite(overrides: Record<string, unknown> = {}): Promise<string> {
  inviteCounter += 1;
  const { id } = await inviteUser(
    admin,
    { email: `person${inviteCounter}@example.org`, name: `Person ${inviteCounter}`, locale: "en", roles: ["reviewer"], ...overrides },
    ctx,
  );
  return id;
}

async function addSession(userId: string, token: string) {
  await testDb.db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 86_400_000) });
}

beforeAll(async () => {
  testDb = await createTestDb();
  for (const u of DEMO_USERS) actors[u.email] = await actorByEmail(u.email);
  admin = actors["admin@example.org"];
  const orgs = await testDb.db.select({ id: organizations.id, key: organizations.key }).from(organizations);
  orgIds = Object.fromEntries(orgs.map((o) => [o.key, o.id]));
});

afterAll(async () => {
  await testDb?.drop();
});

describe("permission matrix: only an administrator manages users", () => {
  it("loads the demo actors with the roles the matrix expects", () => {
    expect(admin.roles).toEqual(["admin"]);
    expect(NON_ADMIN_EMAILS).toHaveLength(11);
    for (const email of NON_ADMIN_EMAILS) expect(actors[email].roles).not.toContain("admin");
  });

  it.each(NON_ADMIN_EMAILS)("%s gets not-found from every query and mutation, and nothing changes", async (email) => {
    const actor = actors[email];
    const activeTarget = actors["officer@example.org"].id === actor.id ? actors["reviewer@example.org"] : actors["officer@example.org"];
    const inactiveTarget = await invite();
    await deactivateUser(admin, { userId: inactiveTarget }, ctx);
    const before = await snapshot();
    const version = await versionOf(activeTarget.id);

    const attempts: [string, () => Promise<unknown>][] = [
      ["listUsers", () => listUsers(actor, {})],
      ["getUserForAdmin", () => getUserForAdmin(actor, activeTarget.id)],
      ["listAssignableCountries", () => listAssignableCountries(actor)],
      ["listOrganizations", () => listOrganizations(actor)],
      [
        "inviteUser",
        () => inviteUser(actor, { email: "intruder@example.org", name: "Intruder", locale: "en", roles: ["admin"] }, ctx),
      ],
      [
        "updateUser",
        () => updateUser(actor, { userId: activeTarget.id, name: "Renamed", locale: "en", roles: ["reviewer"], expectedUpdatedAt: version }, ctx),
      ],
      [
        "updateUser (own account, to become admin)",
        () =>
          updateUser(
            actor,
            { userId: actor.id, name: "Me", locale: "en", roles: ["admin"], expectedUpdatedAt: new Date().toISOString() },
            ctx,
          ),
      ],
      ["deactivateUser", () => deactivateUser(actor, { userId: activeTarget.id }, ctx)],
      ["deactivateUser (own account)", () => deactivateUser(actor, { userId: actor.id }, ctx)],
      ["reactivateUser", () => reactivateUser(actor, { userId: inactiveTarget }, ctx)],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("the administrator may call every query", async () => {
    const target = actors["officer@example.org"];
    const page = await listUsers(admin, {});
    expect(page.total).toBeGreaterThanOrEqual(DEMO_USERS.length);
    expect((await getUserForAdmin(admin, target.id)).email).toBe("officer@example.org");
    expect((await listAssignableCountries(admin)).length).toBeGreaterThan(0);
    expect((await listOrganizations(admin)).length).toBeGreaterThan(0);
  });

  it("a user holding admin among other roles is an administrator", async () => {
    const id = await invite({ roles: ["program_officer", "admin"] });
    const both = await loadActiveUser(id);
    expect(both).not.toBeNull();
    await expect(listUsers(both!, {})).resolves.toMatchObject({ page: 1 });
  });
});

describe("queries", () => {
  it("lists users with roles, country and organization, and finds them by name or email", async () => {
    const gt = (await listUsers(admin, { search: "ana lópez" })).rows;
    expect(gt).toHaveLength(1);
    expect(gt[0]).toMatchObject({
      email: "focal.gt@example.org",
      roles: ["focal_point"],
      country: { iso2: "GT", nameEs: "Guatemala" },
      organization: null,
      isActive: true,
      locale: "es",
    });

    const partner = (await listUsers(admin, { search: "PARTNER.OAS@" })).rows;
    expect(partner).toHaveLength(1);
    expect(partner[0]).toMatchObject({
      roles: ["implementing_partner"],
      organization: { id: orgIds.oas, type: "implementing_partner" },
      country: null,
    });
  });

  it("treats LIKE wildcards in the search as plain characters", async () => {
    expect((await listUsers(admin, { search: "%" })).total).toBe(0);
    expect((await listUsers(admin, { search: "_" })).total).toBe(0);
  });

  it("filters by role and by status", async () => {
    const donors = await listUsers(admin, { role: "donor" });
    expect(donors.rows.map((r) => r.email).sort()).toEqual(["donor.inl@example.org", "donor.wra@example.org"]);
    expect(donors.total).toBe(2);

    const gone = await invite({ name: "Status Filter Person" });
    await deactivateUser(admin, { userId: gone }, ctx);
    const inactive = await listUsers(admin, { status: "inactive", search: "Status Filter" });
    expect(inactive.rows.map((r) => r.id)).toEqual([gone]);
    expect(inactive.rows[0].isActive).toBe(false);
    expect((await listUsers(admin, { status: "active", search: "Status Filter" })).total).toBe(0);

    // Unknown filter values are ignored, not errors.
    const all = await listUsers(admin, { role: "superuser", status: "whatever", page: "-3" });
    expect(all.filters).toEqual({ search: "", role: null, status: null });
    expect(all.page).toBe(1);
  });

  it("paginates on the server, 25 per page", async () => {
    const now = new Date();
    await testDb.db.insert(users).values(
      Array.from({ length: 30 }, (_, i) => ({
        email: `paged${String(i).padStart(2, "0")}@example.org`,
        name: `Paged ${String(i).padStart(2, "0")}`,
        createdAt: now,
      })),
    );
    const first = await listUsers(admin, { search: "paged" });
    expect(first.total).toBe(30);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(USERS_PAGE_SIZE);
    expect(first.rows[0].name).toBe("Paged 00");
    const second = await listUsers(admin, { search: "paged", page: 2 });
    expect(second.page).toBe(2);
    expect(second.rows.map((r) => r.name)).toEqual(["Paged 25", "Paged 26", "Paged 27", "Paged 28", "Paged 29"]);
    // A page past the end shows the last one; a page that is no page number reads as the first.
    expect((await listUsers(admin, { search: "paged", page: 99 })).page).toBe(2);
    for (const bad of ["abc", "2.5", "0", "", "1e99"]) {
      const list = await listUsers(admin, { search: "paged", page: bad });
      expect([list.page, list.rows[0].name], bad).toEqual([1, "Paged 00"]);
    }
  });

  it("gets one user for editing, and not-found for an unknown id", async () => {
    const detail = await getUserForAdmin(admin, actors["donor.inl@example.org"].id);
    expect(detail).toMatchObject({ roles: ["donor"], organizationId: orgIds["state-inl"], countryIso2: null, isActive: true });
    expect(detail.updatedAt).toBeInstanceOf(Date);
    await expect(getUserForAdmin(admin, "no-such-user")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("offers recipient countries only, and only partner and donor organizations", async () => {
    const countryCodes = (await listAssignableCountries(admin)).map((c) => c.iso2);
    expect(countryCodes).toContain("GT");
    expect(countryCodes).toContain("JM");
    expect(countryCodes).not.toContain("US");

    const orgs = await listOrganizations(admin);
    const ids = orgs.map((o) => o.id);
    expect(ids).toContain(orgIds.oas);
    expect(ids).toContain(orgIds["state-inl"]);
    expect(ids).not.toContain(orgIds["gt-digecam"]);
    expect(new Set(orgs.map((o) => o.type))).toEqual(new Set(["implementing_partner", "donor"]));
  });
});

describe("inviteUser", () => {
  it("creates the active user with roles, one audit event and one invitation in the recipient's language", async () => {
    const before = await snapshot();
    const { id } = await inviteUser(
      admin,
      {
        email: "  Nueva.Focal@Example.ORG ",
        name: "María Fernández",
        locale: "es",
        roles: ["focal_point", "reviewer"],
        countryIso2: "hn",
        organizationId: "",
      },
      ctx,
    );

    const [row] = await testDb.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({
      email: "nueva.focal@example.org",
      name: "María Fernández",
      locale: "es",
      isActive: true,
      countryIso2: "HN",
      organizationId: null,
    });
    const roles = await testDb.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, id));
    expect(roles.map((r) => r.role).sort()).toEqual(["focal_point", "reviewer"]);

    const audits = await auditFor(id, "user.invite");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: admin.id, entityType: "user", outcome: "success", ip: ctx.ip, userAgent: "vitest" });

    const mails = await testDb.db.select().from(outbox).where(eq(outbox.toEmail, "nueva.focal@example.org"));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: "invitation",
      locale: "es",
      status: "pending",
      payload: { inviterName: "Paula Ortiz", signInUrl: "https://portal.example.org/sign-in", roles: ["focal_point", "reviewer"] },
    });

    const after = await snapshot();
    expect(after.users).toHaveLength(before.users.length + 1);
    expect(after.userRoles).toHaveLength(before.userRoles.length + 2);
    expect(after.auditEvents).toBe(before.auditEvents + 1);
    expect(after.outbox).toBe(before.outbox + 1);

    // The new account can sign in at once: it is a pre-provisioned active user.
    const loaded = await loadActiveUser(id);
    expect(loaded).toMatchObject({ roles: ["focal_point", "reviewer"], countryIso2: "HN", locale: "es" });
  });

  it("stores only the bindings the roles need", async () => {
    const { id } = await inviteUser(
      admin,
      {
        email: "officer.two@example.org",
        name: "Officer Two",
        locale: "en",
        roles: ["program_officer"],
        countryIso2: "GT",
        organizationId: orgIds.oas,
      },
      ctx,
    );
    const [row] = await testDb.db.select().from(users).where(eq(users.id, id));
    expect(row.countryIso2).toBeNull();
    expect(row.organizationId).toBeNull();
  });

  const failing: [string, () => Record<string, unknown>, string, string][] = [
    ["a duplicate email", () => ({ email: "focal.jm@example.org" }), "email", "admin.errors.emailTaken"],
    ["a duplicate email in other case and spacing", () => ({ email: "  Focal.JM@Example.org" }), "email", "admin.errors.emailTaken"],
    ["a focal point without a country", () => ({ roles: ["focal_point"] }), "countryIso2", "admin.errors.countryRequired"],
    ["an unknown country", () => ({ roles: ["focal_point"], countryIso2: "ZZ" }), "countryIso2", "admin.errors.countryUnknown"],
    ["a donor country as a focal point's country", () => ({ roles: ["focal_point"], countryIso2: "US" }), "countryIso2", "admin.errors.countryUnknown"],
    [
      "a donor with an implementing-partner organization",
      () => ({ roles: ["donor"], organizationId: orgIds.oas }),
      "organizationId",
      "admin.errors.organizationNotDonor",
    ],
    [
      "an implementing partner with a donor organization",
      () => ({ roles: ["implementing_partner"], organizationId: orgIds["state-inl"] }),
      "organizationId",
      "admin.errors.organizationNotPartner",
    ],
    [
      "an implementing partner with a government agency",
      () => ({ roles: ["implementing_partner"], organizationId: orgIds["gt-digecam"] }),
      "organizationId",
      "admin.errors.organizationNotPartner",
    ],
    [
      "an unknown organization",
      () => ({ roles: ["donor"], organizationId: "00000000-0000-4000-8000-000000000000" }),
      "organizationId",
      "admin.errors.organizationUnknown",
    ],
    ["no role", () => ({ roles: [] }), "roles", "admin.errors.rolesRequired"],
    ["an invalid email", () => ({ email: "nobody" }), "email", "admin.errors.emailInvalid"],
  ];

  it.each(failing)("refuses %s and writes nothing", async (_label, overrides, field, key) => {
    const before = await snapshot();
    const error = await inviteUser(
      admin,
      { email: "refused@example.org", name: "Refused", locale: "en", roles: ["reviewer"], ...overrides() },
      ctx,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors[field]).toEqual({ key });
    expect(await snapshot()).toEqual(before);
  });

  it("lets exactly one of two parallel invitations of the same address through", async () => {
    const input = { email: "race@example.org", name: "Race", locale: "en" as const, roles: ["reviewer" as const] };
    const results = await Promise.allSettled([inviteUser(admin, input, ctx), inviteUser(admin, input, ctx)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(ValidationError);
    expect(await testDb.db.select().from(outbox).where(eq(outbox.toEmail, "race@example.org"))).toHaveLength(1);
  });
});

describe("updateUser", () => {
  it("changes name, language, roles and bindings, clears bindings no role needs, and audits it", async () => {
    const id = await invite({ roles: ["focal_point"], countryIso2: "GT" });
    const version = await versionOf(id);
    const { updatedAt } = await updateUser(
      admin,
      { userId: id, name: "Now a donor", locale: "es", roles: ["donor", "reviewer"], countryIso2: "GT", organizationId: orgIds["state-inl"], expectedUpdatedAt: version },
      ctx,
    );
    expect(updatedAt.getTime()).toBeGreaterThan(new Date(version).getTime());

    const detail = await getUserForAdmin(admin, id);
    expect(detail).toMatchObject({
      name: "Now a donor",
      locale: "es",
      roles: ["reviewer", "donor"],
      countryIso2: null,
      organizationId: orgIds["state-inl"],
    });
    const audits = await auditFor(id, "user.update");
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({
      before: { roles: ["focal_point"], countryIso2: "GT" },
      after: { roles: ["reviewer", "donor"], countryIso2: null, organizationId: orgIds["state-inl"] },
    });
    // The user's next request sees the new roles (they are read from the database).
    expect((await loadActiveUser(id))?.roles).toEqual(["donor", "reviewer"]);
  });

  it("works with the version of a seeded user (timestamps kept to the microsecond)", async () => {
    const target = actors["approver@example.org"];
    await updateUser(
      admin,
      { userId: target.id, name: "Robert Hayes", locale: "es", roles: ["approver"], expectedUpdatedAt: await versionOf(target.id) },
      ctx,
    );
    expect((await getUserForAdmin(admin, target.id)).locale).toBe("es");
  });

  it("refuses a stale version with a conflict and changes nothing", async () => {
    const id = await invite();
    const stale = await versionOf(id);
    await updateUser(admin, { userId: id, name: "First edit", locale: "en", roles: ["reviewer"], expectedUpdatedAt: stale }, ctx);
    const before = await snapshot();
    const conflict = await updateUser(admin, { userId: id, name: "Second edit", locale: "es", roles: ["approver"], expectedUpdatedAt: stale }, ctx).catch(
      (e: unknown) => e,
    );
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).messageKey).toBe("admin.errors.conflict");
    expect(await snapshot()).toEqual(before);
    expect((await getUserForAdmin(admin, id)).name).toBe("First edit");
  });

  it("lets exactly one of two parallel edits from the same version win", async () => {
    const id = await invite();
    const version = await versionOf(id);
    const results = await Promise.allSettled([
      updateUser(admin, { userId: id, name: "Edit A", locale: "en", roles: ["reviewer"], expectedUpdatedAt: version }, ctx),
      updateUser(admin, { userId: id, name: "Edit B", locale: "en", roles: ["approver"], expectedUpdatedAt: version }, ctx),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected[0].reason).toBeInstanceOf(ConflictError);
    expect(await auditFor(id, "user.update")).toHaveLength(1);
    const detail = await getUserForAdmin(admin, id);
    // Name and roles come from the same (winning) edit.
    expect([
      ["Edit A", ["reviewer"]],
      ["Edit B", ["approver"]],
    ]).toContainEqual([detail.name, detail.roles]);
  });

  it("refuses a binding of the wrong type and changes nothing", async () => {
    const id = await invite();
    const before = await snapshot();
    const error = await updateUser(
      admin,
      { userId: id, name: "X", locale: "en", roles: ["implementing_partner"], organizationId: orgIds["state-pm-wra"], expectedUpdatedAt: await versionOf(id) },
      ctx,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.organizationId).toEqual({ key: "admin.errors.organizationNotPartner" });
    expect(await snapshot()).toEqual(before);
  });

  it("answers not-found for an unknown user", async () => {
    await expect(
      updateUser(admin, { userId: "no-such-user", name: "X", locale: "en", roles: ["reviewer"], expectedUpdatedAt: new Date().toISOString() }, ctx),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("does not let an administrator remove their own admin role", async () => {
    const before = await snapshot();
    const error = await updateUser(
      admin,
      { userId: admin.id, name: admin.name ?? "Admin", locale: "es", roles: ["program_officer"], expectedUpdatedAt: await versionOf(admin.id) },
      ctx,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.roles).toEqual({ key: "admin.errors.cannotRemoveOwnAdmin" });
    expect(await snapshot()).toEqual(before);
    expect((await loadActiveUser(admin.id))?.roles).toEqual(["admin"]);
  });
});

describe("deactivateUser and reactivateUser", () => {
  it("deactivates the account and ends all its sessions in the same step", async () => {
    const id = await invite();
    const bystander = actors["reviewer@example.org"].id;
    await addSession(id, `s-${id}-1`);
    await addSession(id, `s-${id}-2`);
    await addSession(bystander, `s-bystander-${id}`);

    await deactivateUser(admin, { userId: id }, ctx);

    const [row] = await testDb.db.select().from(users).where(eq(users.id, id));
    expect(row.isActive).toBe(false);
    expect(row.deactivatedAt).toBeInstanceOf(Date);
    expect(await testDb.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    expect(await testDb.db.select().from(sessions).where(eq(sessions.userId, bystander))).toHaveLength(1);
    expect(await loadActiveUser(id)).toBeNull();
    const audits = await auditFor(id, "user.deactivate");
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toEqual({ sessionsEnded: 2 });
  });

  it("answers a conflict when the account is already deactivated, and writes nothing", async () => {
    const id = await invite();
    await deactivateUser(admin, { userId: id }, ctx);
    const before = await snapshot();
    await expect(deactivateUser(admin, { userId: id }, ctx)).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot()).toEqual(before);
  });

  it("lets exactly one of two parallel deactivations succeed, with one audit event", async () => {
    const id = await invite();
    await addSession(id, `s-${id}-parallel`);
    const results = await Promise.allSettled([deactivateUser(admin, { userId: id }, ctx), deactivateUser(admin, { userId: id }, ctx)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(ConflictError);
    expect(await auditFor(id, "user.deactivate")).toHaveLength(1);
    expect(await testDb.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
  });

  it("does not let an administrator deactivate their own account", async () => {
    await addSession(admin.id, "s-admin-self");
    const before = await snapshot();
    const error = await deactivateUser(admin, { userId: admin.id }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).formError).toEqual({ key: "admin.errors.cannotDeactivateSelf" });
    expect(await snapshot()).toEqual(before);
    expect(await loadActiveUser(admin.id)).not.toBeNull();
  });

  it("answers not-found for an unknown user", async () => {
    await expect(deactivateUser(admin, { userId: "no-such-user" }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reactivateUser(admin, { userId: "no-such-user" }, ctx)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reactivates a deactivated account with its roles, and refuses an active one", async () => {
    const id = await invite({ roles: ["approver"] });
    await deactivateUser(admin, { userId: id }, ctx);
    await reactivateUser(admin, { userId: id }, ctx);
    const loaded = await loadActiveUser(id);
    expect(loaded?.roles).toEqual(["approver"]);
    const [row] = await testDb.db.select().from(users).where(eq(users.id, id));
    expect(row.deactivatedAt).toBeNull();
    expect(await auditFor(id, "user.reactivate")).toHaveLength(1);

    const before = await snapshot();
    await expect(reactivateUser(admin, { userId: id }, ctx)).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot()).toEqual(before);
  });

  it("makes an open edit form stale", async () => {
    const id = await invite();
    const version = await versionOf(id);
    await deactivateUser(admin, { userId: id }, ctx);
    await expect(
      updateUser(admin, { userId: id, name: "Late edit", locale: "en", roles: ["reviewer"], expectedUpdatedAt: version }, ctx),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("audit trail", () => {
  it("records every successful change by the administrator, with the request's address", async () => {
    const rows = await testDb.db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId, ip: auditEvents.ip })
      .from(auditEvents)
      .where(inArray(auditEvents.action, ["user.invite", "user.update", "user.deactivate", "user.reactivate"]));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ actor: admin.id, ip: ctx.ip });
  });
});
