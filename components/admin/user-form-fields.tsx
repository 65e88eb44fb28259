"use client";

import { Controller } from "react-hook-form";
import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { CheckboxGroup } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { TextField } from "@/components/ui/text-field";
import { ROLES, type Role } from "@/lib/enums";
import { translateIssue } from "@/lib/forms/issues";
import { LOCALES, type Locale } from "@/lib/i18n/config";

/** The fields of both forms; invite has email, edit has the version. */
export interface UserFormValues {
  email?: string;
  name: string;
  locale: Locale;
  roles: Role[];
  countryIso2?: string;
  organizationId?: string;
  expectedUpdatedAt?: string;
}

export interface UserFormCountry {
  iso2: string;
  name: string;
}

export interface UserFormOrganization {
  id: string;
  type: "implementing_partner" | "donor";
  name: string;
}

type Form = ActionForm<UserFormValues>;

/** The person's name, email (an invitation only: it cannot be changed later) and language. */
export function UserIdentityFields({ form, hasEmail }: { form: Form; hasEmail: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <TextField label={t("admin.form.nameLabel")} hint={t("admin.form.nameHint")} required autoComplete="off" maxLength={200} {...form.field("name")} />
      {hasEmail ? (
        <TextField
          label={t("admin.form.emailLabel")}
          hint={t("admin.form.emailHint")}
          type="email"
          required
          autoComplete="off"
          spellCheck={false}
          {...form.field("email")}
        />
      ) : null}
      <Field label={t("admin.form.localeLabel")} hint={t("admin.form.localeHint")} error={form.fieldError("locale")}>
        {(control) => (
          <select {...form.register("locale")} {...control}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {t(`common.languageNames.${locale}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

/** The first message under the roles (an item of the list reports on its index). */
function rolesError(form: Form, t: ReturnType<typeof useI18n>["t"]): string | undefined {
  const node = form.form.formState.errors.roles as unknown as Record<string, { type?: string; message?: unknown }> | undefined;
  if (!node) return undefined;
  const first = typeof node.message === "string" ? (node as { type?: string; message: string }) : Object.values(node).find((v) => v && typeof v.message === "string");
  if (!first || typeof first.message !== "string") return undefined;
  return first.type === "server" ? first.message : translateIssue(first.message, t);
}

/** The roles, each with what it lets the person do. */
export function UserRolesField({ form }: { form: Form }) {
  const { t } = useI18n();
  return (
    <Controller
      control={form.control}
      name="roles"
      render={({ field }) => (
        <CheckboxGroup
          {...field}
          value={Array.isArray(field.value) ? field.value : []}
          onChange={(roles) => field.onChange(roles as Role[])}
          boxed
          label={t("admin.form.rolesLegend")}
          hint={t("admin.form.rolesHint")}
          error={rolesError(form, t)}
          options={ROLES.map((role) => ({ value: role, label: t(`common.roles.${role}`), hint: t(`admin.form.roleHints.${role}`) }))}
        />
      )}
    />
  );
}

interface BindingProps {
  form: Form;
  countries: UserFormCountry[];
  organizations: UserFormOrganization[];
  showCountry: boolean;
  showOrganization: boolean;
}

/** The country (a focal point) and the organization (a partner or a donor), shown when a role needs them. */
export function UserBindingFields({ form, countries, organizations, showCountry, showOrganization }: BindingProps) {
  const { t } = useI18n();
  const groups = (["implementing_partner", "donor"] as const)
    .map((type) => ({ type, members: organizations.filter((o) => o.type === type) }))
    .filter((group) => group.members.length > 0);
  return (
    <>
      {showCountry ? (
        <Field label={t("admin.form.countryLabel")} hint={t("admin.form.countryHint")} required error={form.fieldError("countryIso2")}>
          {(control) => (
            <select {...form.register("countryIso2")} {...control}>
              <option value="">{t("admin.form.countryPlaceholder")}</option>
              {countries.map((c) => (
                <option key={c.iso2} value={c.iso2}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {showOrganization ? (
        <Field label={t("admin.form.organizationLabel")} hint={t("admin.form.organizationHint")} required error={form.fieldError("organizationId")}>
          {(control) => (
            <select {...form.register("organizationId")} {...control}>
              <option value="">{t("admin.form.organizationPlaceholder")}</option>
              {groups.map((group) => (
                <optgroup key={group.type} label={t(`admin.form.organizationGroups.${group.type}`)}>
                  {group.members.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </>
  );
}
