import { describe, expect, it } from "vitest";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { inviteUserSchema, updateUserSchema } from "./schema";

const ORG_ID = "5f0c6f3e-8a3b-4c55-9d8e-2b7a1c9e4f10";

const validInvite = {
  email: "new.person@example.org",
  name: "Nueva Persona",
  locale: "es",
  roles: ["program_officer"],
};

const validUpdate = {
  name: "Nueva Persona",
  locale: "en",
  roles: ["reviewer"],
  expectedUpdatedAt: "2026-03-01T12:34:56.789Z",
};

/** The first issue message per field, as the form shows it. */
function issues(schema: typeof inviteUserSchema | typeof updateUserSchema, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[issue.path.join(".") || "_form"] ??= issue.message;
  return out;
}

describe("inviteUserSchema", () => {
  it("accepts a minimal valid invitation and normalizes the email", () => {
    const parsed = inviteUserSchema.parse({ ...validInvite, email: "  New.Person@Example.ORG " });
    expect(parsed.email).toBe("new.person@example.org");
    expect(parsed.roles).toEqual(["program_officer"]);
    expect(parsed.countryIso2).toBeUndefined();
    expect(parsed.organizationId).toBeUndefined();
  });

  it("trims the name and folds duplicate roles", () => {
    const parsed = inviteUserSchema.parse({ ...validInvite, name: "  Ana  ", roles: ["admin", "reviewer", "admin"] });
    expect(parsed.name).toBe("Ana");
    expect(parsed.roles).toEqual(["reviewer", "admin"]);
  });

  it("treats empty selects as no binding and upper-cases the country", () => {
    const parsed = inviteUserSchema.parse({ ...validInvite, roles: ["focal_point"], countryIso2: "gt", organizationId: "" });
    expect(parsed.countryIso2).toBe("GT");
    expect(parsed.organizationId).toBeUndefined();
  });

  it("requires a country for a focal point", () => {
    expect(issues(inviteUserSchema, { ...validInvite, roles: ["focal_point"] })).toEqual({
      countryIso2: "admin.errors.countryRequired",
    });
    expect(issues(inviteUserSchema, { ...validInvite, roles: ["focal_point"], countryIso2: "" })).toEqual({
      countryIso2: "admin.errors.countryRequired",
    });
  });

  it("requires an organization for an implementing partner and for a donor", () => {
    for (const role of ["implementing_partner", "donor"]) {
      expect(issues(inviteUserSchema, { ...validInvite, roles: [role] }), role).toEqual({
        organizationId: "admin.errors.organizationRequired",
      });
      expect(inviteUserSchema.safeParse({ ...validInvite, roles: [role], organizationId: ORG_ID }).success, role).toBe(true);
    }
  });

  it("refuses a user who is both implementing partner and donor", () => {
    expect(
      issues(inviteUserSchema, { ...validInvite, roles: ["implementing_partner", "donor"], organizationId: ORG_ID }),
    ).toEqual({ roles: "admin.errors.partnerAndDonor" });
  });

  it("accepts several roles with all their bindings", () => {
    const parsed = inviteUserSchema.parse({
      ...validInvite,
      roles: ["focal_point", "implementing_partner", "reviewer"],
      countryIso2: "JM",
      organizationId: ORG_ID,
    });
    expect(parsed.roles).toEqual(["focal_point", "implementing_partner", "reviewer"]);
    expect(parsed.countryIso2).toBe("JM");
    expect(parsed.organizationId).toBe(ORG_ID);
  });

  it("refuses an empty role list and unknown roles", () => {
    expect(issues(inviteUserSchema, { ...validInvite, roles: [] })).toEqual({ roles: "admin.errors.rolesRequired" });
    expect(issues(inviteUserSchema, { ...validInvite, roles: ["superuser"] })).toEqual({
      "roles.0": "admin.errors.roleInvalid",
    });
    expect(issues(inviteUserSchema, { ...validInvite, roles: undefined })).toEqual({ roles: "admin.errors.rolesRequired" });
  });

  it("validates the email", () => {
    expect(issues(inviteUserSchema, { ...validInvite, email: "" })).toEqual({ email: "admin.errors.emailRequired" });
    expect(issues(inviteUserSchema, { ...validInvite, email: "   " })).toEqual({ email: "admin.errors.emailRequired" });
    expect(issues(inviteUserSchema, { ...validInvite, email: "not-an-email" })).toEqual({ email: "admin.errors.emailInvalid" });
    expect(issues(inviteUserSchema, { ...validInvite, email: "a@b" })).toEqual({ email: "admin.errors.emailInvalid" });
  });

  it("limits the email to 254 characters", () => {
    const at254 = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.org`;
    expect(at254).toHaveLength(254);
    expect(inviteUserSchema.safeParse({ ...validInvite, email: at254 }).success).toBe(true);
    expect(issues(inviteUserSchema, { ...validInvite, email: `x${at254}` })).toEqual({ email: "admin.errors.emailTooLong" });
  });

  it("limits the name to 1..120 characters", () => {
    expect(issues(inviteUserSchema, { ...validInvite, name: "" })).toEqual({ name: "admin.errors.nameRequired" });
    expect(issues(inviteUserSchema, { ...validInvite, name: "   " })).toEqual({ name: "admin.errors.nameRequired" });
    expect(inviteUserSchema.safeParse({ ...validInvite, name: "x".repeat(120) }).success).toBe(true);
    expect(issues(inviteUserSchema, { ...validInvite, name: "x".repeat(121) })).toEqual({ name: "admin.errors.nameTooLong" });
  });

  it("accepts only English and Spanish", () => {
    expect(issues(inviteUserSchema, { ...validInvite, locale: "fr" })).toEqual({ locale: "admin.errors.localeInvalid" });
    expect(inviteUserSchema.safeParse({ ...validInvite, locale: "en" }).success).toBe(true);
  });

  it("refuses malformed country codes and organization ids", () => {
    expect(issues(inviteUserSchema, { ...validInvite, roles: ["focal_point"], countryIso2: "GTM" })).toEqual({
      countryIso2: "admin.errors.countryInvalid",
    });
    expect(issues(inviteUserSchema, { ...validInvite, roles: ["donor"], organizationId: "state-inl" })).toEqual({
      organizationId: "admin.errors.organizationInvalid",
    });
  });

  it("refuses fields it does not know (the client cannot smuggle in isActive)", () => {
    expect(inviteUserSchema.safeParse({ ...validInvite, isActive: false }).success).toBe(false);
  });

  it("reports every field problem at once, including missing bindings", () => {
    expect(issues(inviteUserSchema, { email: "x", name: "", locale: "en", roles: ["focal_point"] })).toEqual({
      email: "admin.errors.emailInvalid",
      name: "admin.errors.nameRequired",
      countryIso2: "admin.errors.countryRequired",
    });
  });
});

describe("updateUserSchema", () => {
  it("accepts a valid update", () => {
    const parsed = updateUserSchema.parse(validUpdate);
    expect(parsed.roles).toEqual(["reviewer"]);
    expect(parsed.expectedUpdatedAt).toBe(validUpdate.expectedUpdatedAt);
  });

  it("has no email field: the address cannot be changed", () => {
    expect(updateUserSchema.safeParse({ ...validUpdate, email: "other@example.org" }).success).toBe(false);
  });

  it("requires the version as an ISO timestamp", () => {
    expect(issues(updateUserSchema, { ...validUpdate, expectedUpdatedAt: undefined })).toEqual({
      expectedUpdatedAt: "admin.errors.versionInvalid",
    });
    expect(issues(updateUserSchema, { ...validUpdate, expectedUpdatedAt: "yesterday" })).toEqual({
      expectedUpdatedAt: "admin.errors.versionInvalid",
    });
    expect(updateUserSchema.safeParse({ ...validUpdate, expectedUpdatedAt: "2026-03-01T12:34:56.789+02:00" }).success).toBe(true);
  });

  it("applies the same binding rules and limits as the invitation", () => {
    expect(issues(updateUserSchema, { ...validUpdate, roles: ["focal_point"] })).toEqual({
      countryIso2: "admin.errors.countryRequired",
    });
    expect(issues(updateUserSchema, { ...validUpdate, roles: ["donor"] })).toEqual({
      organizationId: "admin.errors.organizationRequired",
    });
    expect(issues(updateUserSchema, { ...validUpdate, roles: ["donor", "implementing_partner"], organizationId: ORG_ID })).toEqual({
      roles: "admin.errors.partnerAndDonor",
    });
    expect(issues(updateUserSchema, { ...validUpdate, name: "x".repeat(121) })).toEqual({ name: "admin.errors.nameTooLong" });
  });
});

describe("issue messages", () => {
  // Every message key a schema can produce must exist in both catalogs, or the form would show the key.
  const badInputs: unknown[] = [
    {},
    { email: 1, name: 1, locale: 1, roles: 1, countryIso2: 1, organizationId: 1 },
    { email: "", name: "", locale: "xx", roles: [], countryIso2: "123", organizationId: "nope" },
    { ...validInvite, email: `${"a".repeat(250)}@example.org`, name: "x".repeat(121), roles: ["nope"] },
    { ...validInvite, roles: ["focal_point", "donor", "implementing_partner"] },
    { ...validInvite, roles: ["focal_point", "donor"] },
  ];

  it("are message keys translated in English and Spanish", () => {
    const en = createTranslator("en");
    const es = createTranslator("es");
    const seen = new Set<string>();
    for (const input of badInputs) {
      for (const schema of [inviteUserSchema, updateUserSchema]) {
        const result = schema.safeParse(input);
        expect(result.success).toBe(false);
        for (const issue of result.error?.issues ?? []) {
          if (issue.code === "unrecognized_keys") continue;
          seen.add(issue.message);
        }
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(12);
    for (const key of seen) {
      expect(key, key).toMatch(/^admin\.errors\./);
      expect(en(key as MessageKey), key).not.toBe(key);
      expect(es(key as MessageKey), key).not.toBe(key);
      expect(es(key as MessageKey), key).not.toBe(en(key as MessageKey));
    }
  });
});
