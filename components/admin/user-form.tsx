"use client";

import { useWatch } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ROLES, type Role } from "@/lib/enums";
import type { ActionResult } from "@/lib/errors";
import { needsCountry, needsOrganization } from "@/lib/users/limits";
import type { InviteUserFormValues, UpdateUserFormValues } from "@/lib/users/schema";
import { UserBindingFields, UserIdentityFields, UserRolesField, type UserFormCountry, type UserFormOrganization, type UserFormValues } from "./user-form-fields";

const loadInviteSchema = () => import("@/lib/users/schema").then((m) => m.inviteUserSchema);
const loadUpdateSchema = () => import("@/lib/users/schema").then((m) => m.updateUserSchema);

export type { UserFormCountry, UserFormOrganization, UserFormValues } from "./user-form-fields";

type UserFormProps = {
  defaultValues: UserFormValues;
  countries: UserFormCountry[];
  organizations: UserFormOrganization[];
} & (
  /** A server action: redirects on success, returns the errors otherwise. Edit sends the user's id beside the values. */
  | { mode: "invite"; action: (values: InviteUserFormValues) => Promise<ActionResult | undefined> }
  | { mode: "edit"; userId: string; action: (values: UpdateUserFormValues & { userId: string }) => Promise<ActionResult | undefined> }
);

/** The values to the form's action: the user's id beside them when editing. */
function send(props: UserFormProps, values: UserFormValues): Promise<ActionResult | undefined> {
  return props.mode === "invite"
    ? props.action(values as InviteUserFormValues)
    : props.action({ ...(values as UpdateUserFormValues), userId: props.userId });
}

/** The paths with a field on screen for the values sent (the bindings only when a role needs them). */
function shownFields(mode: UserFormProps["mode"], roles: readonly Role[]): string[] {
  return [
    ...(mode === "invite" ? ["email"] : []),
    "name",
    "locale",
    "roles",
    ...(needsCountry(roles) ? ["countryIso2"] : []),
    ...(needsOrganization(roles) ? ["organizationId"] : []),
  ];
}

/** Messages moved to the field they are shown at (roles.1 → roles); those without one join the form's message. */
function placeUserErrors(result: ActionResult | undefined, shown: readonly string[]): ActionResult | undefined {
  if (!result || result.ok || !result.fieldErrors) return result;
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(result.fieldErrors)) {
    const field = path.split(".")[0];
    if (!shown.includes(field)) unplaced.push(text);
    else fieldErrors[field] ??= text;
  }
  return { ok: false, formError: [result.formError, ...unplaced].filter(Boolean).join(" ") || undefined, fieldErrors };
}

/**
 * Invites a user (email, name, language, roles and the bindings the roles need) or edits one (the
 * same but the email, on the version the page was loaded with). Success redirects to the user's page.
 */
export function UserForm(props: UserFormProps) {
  const { mode, defaultValues, countries, organizations } = props;
  const { t } = useI18n();
  const form = useActionForm<UserFormValues>({
    schema: mode === "invite" ? loadInviteSchema : loadUpdateSchema,
    action: async (values) => placeUserErrors(await send(props, values), shownFields(mode, values.roles ?? [])),
    defaultValues,
    // Every field the form can show (the action keeps those on screen); not the version: a stale page is said in the alert.
    fields: shownFields(mode, ROLES),
  });
  const watched = useWatch({ control: form.control, name: "roles" });
  const roles = Array.isArray(watched) ? watched : [];

  return (
    <form className="stack" {...form.formProps}>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <UserIdentityFields form={form} hasEmail={mode === "invite"} />
      <UserRolesField form={form} />
      <UserBindingFields
        form={form}
        countries={countries}
        organizations={organizations}
        showCountry={needsCountry(roles)}
        showOrganization={needsOrganization(roles)}
      />
      <div className="row">
        <SubmitButton busy={form.busy} busyLabel={mode === "invite" ? t("admin.invite.submitting") : t("admin.edit.submitting")}>
          {mode === "invite" ? t("admin.invite.submit") : t("admin.edit.submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
