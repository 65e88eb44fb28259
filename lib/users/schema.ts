// Shared by the user form (react-hook-form, in the browser) and the server actions and mutations.
// Issue messages are message keys (lib/i18n/messages/admin.ts), translated where they are shown.
import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import { versionStamp } from "@/lib/forms/version-stamp";
import { ROLES, type Role } from "@/lib/enums";
import { LOCALES } from "@/lib/i18n/config";
import { UUID_PATTERN } from "@/lib/ids";
import { USER_EMAIL_MAX, USER_NAME_MAX, needsCountry } from "./limits";

export { ORGANIZATION_ROLES, USER_EMAIL_MAX, USER_NAME_MAX, needsCountry, needsOrganization } from "./limits";


const nameField = safeText("admin.errors.nameRequired")
  .trim()
  .min(1, "admin.errors.nameRequired")
  .max(USER_NAME_MAX, "admin.errors.nameTooLong");

const emailField = safeText("admin.errors.emailRequired")
  .trim()
  .toLowerCase()
  .min(1, "admin.errors.emailRequired")
  .max(USER_EMAIL_MAX, "admin.errors.emailTooLong")
  .pipe(z.email("admin.errors.emailInvalid"));

const localeField = z.enum(LOCALES, "admin.errors.localeInvalid");

// Duplicates are harmless (one row per role), so they are folded rather than refused.
const rolesField = z
  .array(z.enum(ROLES, "admin.errors.roleInvalid"), "admin.errors.rolesRequired")
  .min(1, "admin.errors.rolesRequired")
  .transform((roles) => ROLES.filter((role) => roles.includes(role)));

// Selects post "" for "none": both an empty string and a missing value mean no binding.
const countryField = safeText("admin.errors.countryInvalid")
  .trim()
  .regex(/^([A-Za-z]{2})?$/, "admin.errors.countryInvalid")
  .optional()
  .transform((value) => (value ? value.toUpperCase() : undefined));

const organizationField = safeText("admin.errors.organizationInvalid")
  .trim()
  .refine((value) => value === "" || UUID_PATTERN.test(value), "admin.errors.organizationInvalid")
  .optional()
  .transform((value) => (value ? value.toLowerCase() : undefined));

interface BindingFields {
  roles: Role[];
  countryIso2?: string;
  organizationId?: string;
}

/**
 * The bindings each role needs. Whether the country is a recipient and the organization has the
 * right type is checked on the server against the database (lib/users/mutations.ts).
 */
function checkBindings(value: BindingFields, ctx: z.RefinementCtx): void {
  if (needsCountry(value.roles) && !value.countryIso2) {
    ctx.addIssue({ code: "custom", path: ["countryIso2"], message: "admin.errors.countryRequired" });
  }
  const isPartner = value.roles.includes("implementing_partner");
  const isDonor = value.roles.includes("donor");
  // One organization per user, and no organization is both an implementer and a donor.
  if (isPartner && isDonor) {
    ctx.addIssue({ code: "custom", path: ["roles"], message: "admin.errors.partnerAndDonor" });
  } else if ((isPartner || isDonor) && !value.organizationId) {
    ctx.addIssue({ code: "custom", path: ["organizationId"], message: "admin.errors.organizationRequired" });
  }
}

export const inviteUserSchema = z
  .strictObject({
    email: emailField,
    name: nameField,
    locale: localeField,
    roles: rolesField,
    countryIso2: countryField,
    organizationId: organizationField,
  })
  .superRefine(checkBindings);

export const updateUserSchema = z
  .strictObject({
    name: nameField,
    locale: localeField,
    roles: rolesField,
    countryIso2: countryField,
    organizationId: organizationField,
    // The updated_at the form was loaded with: the version for optimistic concurrency.
    expectedUpdatedAt: versionStamp("admin.errors.versionInvalid"),
  })
  .superRefine(checkBindings);

export type InviteUserInput = z.infer<typeof inviteUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
/** What the form holds before parsing (selects hold "" for none). */
export type InviteUserFormValues = z.input<typeof inviteUserSchema>;
export type UpdateUserFormValues = z.input<typeof updateUserSchema>;

/** The account states the user list filters by. */
export const USER_STATUSES = ["active", "inactive"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
