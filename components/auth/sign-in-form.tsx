"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useI18n } from "@/components/i18n/i18n-provider";
import { signInSchema, type SignInInput } from "@/lib/auth/schema";
import type { ActionResult } from "@/lib/errors";
import { translateIssue } from "@/lib/forms/issues";

/**
 * Asks for a sign-in link by email; `action` is the page's server action (the same answer for every
 * address), and success goes on to "check your email".
 */
export function SignInForm({ callbackUrl, action }: { callbackUrl?: string; action: (input: SignInInput) => Promise<ActionResult> }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", callbackUrl } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    let result;
    try {
      result = await action(values);
    } catch {
      setFormError(t("common.errors.body"));
      return;
    }
    if (result.ok) {
      router.push("/sign-in/check-email");
      return;
    }
    if (result.formError) setFormError(result.formError);
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      setError(field as keyof SignInInput, { message });
    }
  });

  const emailError = errors.email?.message ? translateIssue(errors.email.message, t) : null;
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="email">{t("auth.signIn.emailLabel")}</label>
        <span className="hint" id="email-hint">
          {t("auth.signIn.emailHint")}
        </span>
        <input
          id="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-hint email-error" : "email-hint"}
          {...register("email")}
        />
        {emailError ? (
          <p className="field-error" id="email-error" role="alert">
            {emailError}
          </p>
        ) : null}
      </div>
      <input type="hidden" {...register("callbackUrl")} />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {t("auth.signIn.submit")}
      </button>
    </form>
  );
}
