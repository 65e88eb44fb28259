"use client";

import { useId, useMemo, useRef, useState, useTransition } from "react";
import { useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ROLES, type Role } from "@/lib/enums";
import type { ActionResult } from "@/lib/errors";
import { translateIssue } from "@/lib/forms/zod";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import {
  inviteUserSchema,
  needsCountry,
  needsOrganization,
  updateUserSchema,
  type InviteUserFormValues,
  type UpdateUserFormValues,
} from "@/lib/users/schema";

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

const VISIBLE_FIELDS: Record<UserFormProps["mode"], readonly string[]> = {
  invite: ["email", "name", "locale", "roles", "countryIso2", "organizationId"],
  edit: ["name", "locale", "roles", "countryIso2", "organizationId"],
};

type ShownError = { type: string; message?: string } | undefined;

/** The first error under a field (arrays such as roles report per item). */
function firstError(node: unknown): ShownError {
  if (!node || typeof node !== "object") return undefined;
  const record = node as Record<string, unknown>;
  if (typeof record.message === "string" || typeof record.type === "string") return record as ShownError;
  for (const value of Object.values(record)) {
    const found = firstError(value);
    if (found) return found;
  }
  return undefined;
}

export function UserForm(props: UserFormProps) {
  const { mode, defaultValues, countries, organizations } = props;
  const { t } = useI18n();
  const uid = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const formErrorRef = useRef<HTMLDivElement>(null);

  // Both schemas validate the fields this form holds; the cast joins their two input types into one.
  const resolver = useMemo(
    () => (mode === "invite" ? zodResolver(inviteUserSchema) : zodResolver(updateUserSchema)) as unknown as Resolver<UserFormValues>,
    [mode],
  );
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<UserFormValues>({ resolver, defaultValues, reValidateMode: "onChange" });

  const watchedRoles = useWatch({ control, name: "roles" });
  const roles = Array.isArray(watchedRoles) ? watchedRoles : [];
  const showCountry = needsCountry(roles);
  const showOrganization = needsOrganization(roles);

  const id = (field: string) => `${uid}-${field}`;
  const message = (error: ShownError) =>
    error ? (error.type === "server" && error.message ? error.message : translateIssue(error.message, t)) : undefined;
  const errorOf = (field: keyof UserFormValues) => message(firstError(errors[field]));
  const describedBy = (field: string, hasHint: boolean, hasError: boolean) =>
    [hasHint ? id(`${field}-hint`) : null, hasError ? id(`${field}-error`) : null].filter(Boolean).join(" ") || undefined;

  // Inside a transition: a redirect from the action (its success) reaches Next's redirect boundary
  // instead of surfacing here as an error, and the button stays disabled until the next page arrives.
  function submit(values: UserFormValues) {
    setFormError(null);
    startTransition(async () => {
      const result = await send(props, values);
      if (!result || result.ok) return;
      // Server errors go next to their field (first one focused); the rest into the summary.
      let focused = false;
      const unplaced: string[] = [];
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        const field = path.split(".")[0];
        if (VISIBLE_FIELDS[mode].includes(field)) {
          setError(field as FieldPath<UserFormValues>, { type: "server", message: text }, { shouldFocus: !focused });
          focused = true;
        } else {
          unplaced.push(text);
        }
      }
      const summary = [result.formError, ...unplaced].filter(Boolean).join(" ");
      startTransition(() => setFormError(summary || t("common.errors.invalidInput")));
      if (!focused) formErrorRef.current?.focus();
    });
  }

  const busy = isSubmitting || isPending;
  const nameError = errorOf("name");
  const emailError = errorOf("email");
  const localeError = errorOf("locale");
  const rolesError = errorOf("roles");
  const countryError = errorOf("countryIso2");
  const organizationError = errorOf("organizationId");
  const versionError = errorOf("expectedUpdatedAt");
  const shownFormError = formError ?? versionError ?? null;

  const partnerOrgs = organizations.filter((o) => o.type === "implementing_partner");
  const donorOrgs = organizations.filter((o) => o.type === "donor");

  return (
    <form
      className="stack"
      noValidate
      aria-busy={busy}
      onSubmit={(event) => void handleSubmit(submit, () => setFormError(t("common.errors.invalidInput")))(event)}
    >
      {/* Always present, so the live region exists before its message arrives and can take focus. */}
      <div className={shownFormError ? "alert alert-error" : undefined} role="alert" tabIndex={-1} ref={formErrorRef}>
        {shownFormError}
      </div>

      {mode === "edit" ? <input type="hidden" {...register("expectedUpdatedAt")} /> : null}

      <div className="field">
        <label htmlFor={id("name")}>{t("admin.form.nameLabel")}</label>
        <span className="hint" id={id("name-hint")}>
          {t("admin.form.nameHint")}
        </span>
        <input
          id={id("name")}
          type="text"
          autoComplete="off"
          maxLength={200}
          aria-required="true"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describedBy("name", true, !!nameError)}
          {...register("name")}
        />
        {nameError ? (
          <p className="field-error" id={id("name-error")}>
            {nameError}
          </p>
        ) : null}
      </div>

      {mode === "invite" ? (
        <div className="field">
          <label htmlFor={id("email")}>{t("admin.form.emailLabel")}</label>
          <span className="hint" id={id("email-hint")}>
            {t("admin.form.emailHint")}
          </span>
          <input
            id={id("email")}
            type="email"
            autoComplete="off"
            spellCheck={false}
            aria-required="true"
            aria-invalid={emailError ? true : undefined}
            aria-describedby={describedBy("email", true, !!emailError)}
            {...register("email")}
          />
          {emailError ? (
            <p className="field-error" id={id("email-error")}>
              {emailError}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="field">
        <label htmlFor={id("locale")}>{t("admin.form.localeLabel")}</label>
        <span className="hint" id={id("locale-hint")}>
          {t("admin.form.localeHint")}
        </span>
        <select
          id={id("locale")}
          aria-invalid={localeError ? true : undefined}
          aria-describedby={describedBy("locale", true, !!localeError)}
          {...register("locale")}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {t(`common.languageNames.${locale}`)}
            </option>
          ))}
        </select>
        {localeError ? (
          <p className="field-error" id={id("locale-error")}>
            {localeError}
          </p>
        ) : null}
      </div>

      <fieldset className="field" aria-describedby={describedBy("roles", true, !!rolesError)}>
        <legend>{t("admin.form.rolesLegend")}</legend>
        <span className="hint" id={id("roles-hint")}>
          {t("admin.form.rolesHint")}
        </span>
        {ROLES.map((role) => (
          <div key={role}>
            <div className="checkbox">
              <input
                id={id(`role-${role}`)}
                type="checkbox"
                value={role}
                aria-invalid={rolesError ? true : undefined}
                aria-describedby={[id(`role-${role}-hint`), rolesError ? id("roles-error") : null].filter(Boolean).join(" ")}
                {...register("roles")}
              />
              <label htmlFor={id(`role-${role}`)}>{t(`common.roles.${role}`)}</label>
            </div>
            <span className="hint small muted" id={id(`role-${role}-hint`)}>
              {t(`admin.form.roleHints.${role}`)}
            </span>
          </div>
        ))}
        {rolesError ? (
          <p className="field-error" id={id("roles-error")}>
            {rolesError}
          </p>
        ) : null}
      </fieldset>

      {showCountry ? (
        <div className="field">
          <label htmlFor={id("country")}>{t("admin.form.countryLabel")}</label>
          <span className="hint" id={id("countryIso2-hint")}>
            {t("admin.form.countryHint")}
          </span>
          <select
            id={id("country")}
            aria-required="true"
            aria-invalid={countryError ? true : undefined}
            aria-describedby={describedBy("countryIso2", true, !!countryError)}
            {...register("countryIso2")}
          >
            <option value="">{t("admin.form.countryPlaceholder")}</option>
            {countries.map((c) => (
              <option key={c.iso2} value={c.iso2}>
                {c.name}
              </option>
            ))}
          </select>
          {countryError ? (
            <p className="field-error" id={id("countryIso2-error")}>
              {countryError}
            </p>
          ) : null}
        </div>
      ) : null}

      {showOrganization ? (
        <div className="field">
          <label htmlFor={id("organization")}>{t("admin.form.organizationLabel")}</label>
          <span className="hint" id={id("organizationId-hint")}>
            {t("admin.form.organizationHint")}
          </span>
          <select
            id={id("organization")}
            aria-required="true"
            aria-invalid={organizationError ? true : undefined}
            aria-describedby={describedBy("organizationId", true, !!organizationError)}
            {...register("organizationId")}
          >
            <option value="">{t("admin.form.organizationPlaceholder")}</option>
            {partnerOrgs.length > 0 ? (
              <optgroup label={t("admin.form.organizationGroups.implementing_partner")}>
                {partnerOrgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {donorOrgs.length > 0 ? (
              <optgroup label={t("admin.form.organizationGroups.donor")}>
                {donorOrgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
          {organizationError ? (
            <p className="field-error" id={id("organizationId-error")}>
              {organizationError}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {mode === "invite"
            ? busy
              ? t("admin.invite.submitting")
              : t("admin.invite.submit")
            : busy
              ? t("admin.edit.submitting")
              : t("admin.edit.submit")}
        </button>
      </div>
    </form>
  );
}
