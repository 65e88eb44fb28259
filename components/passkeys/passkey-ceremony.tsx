"use client";

import { useId, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useHydrated } from "@/components/hooks/use-hydrated";
import type { ActionResult } from "@/lib/errors";
import { translateIssue } from "@/lib/forms/issues";
import type { Translate } from "@/lib/i18n/translate";
import { passkeyNameSchema, type PasskeyNameInput } from "@/lib/passkeys/schema";

/** What the browser's WebAuthn prompt answered when it did not give a credential, in the user's words. */
function browserFailure(error: unknown, t: Translate): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "InvalidStateError") return t("passkeys.errors.alreadyRegistered");
  if (name === "NotSupportedError" || name === "SecurityError") return t("passkeys.errors.unsupported");
  return t("passkeys.errors.cancelled");
}

function failureOf(result: ActionResult<unknown> | undefined, t: Translate): string | null {
  if (!result || result.ok) return null;
  return result.formError ?? t("common.errors.invalidInput");
}

/** The server actions of a registration: the options for the browser's prompt, then storing its answer (redirects on success). */
export interface RegisterPasskeyActions {
  options: () => Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>>;
  register: (response: unknown, values: unknown, callbackUrl?: unknown) => Promise<ActionResult | undefined>;
}

/** The server actions of a confirmation: the options for the browser's prompt, then checking its answer (redirects on success). */
export interface VerifyPasskeyActions {
  options: () => Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>>;
  verify: (response: unknown, callbackUrl?: unknown) => Promise<ActionResult | undefined>;
}

/**
 * Registers a passkey (the first one after the e-mail link, or another one) with a name for it. The
 * server action redirects on success; a refusal or a closed prompt is shown and the user may try again.
 */
export function RegisterPasskeyForm({ submitLabel, callbackUrl, actions }: { submitLabel: string; callbackUrl?: string; actions: RegisterPasskeyActions }) {
  const { t } = useI18n();
  const uid = useId();
  const isHydrated = useHydrated();
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<PasskeyNameInput>({ resolver: zodResolver(passkeyNameSchema), defaultValues: { name: "" } });

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    if (!browserSupportsWebAuthn()) return setFormError(t("passkeys.errors.unsupported"));
    startTransition(async () => {
      const options = await actions.options();
      if (!options.ok) return setFormError(failureOf(options, t));
      let response;
      try {
        response = await startRegistration({ optionsJSON: options.data });
      } catch (error) {
        return setFormError(browserFailure(error, t));
      }
      const result = await actions.register(response, values, callbackUrl);
      const message = failureOf(result, t);
      if (message) setFormError(message);
      if (result && !result.ok && result.fieldErrors?.name) setError("name", { message: result.fieldErrors.name });
    });
  });

  const nameError = errors.name?.message ? translateIssue(errors.name.message, t) : null;
  return (
    <form onSubmit={onSubmit} noValidate className="stack" data-hydrated={isHydrated ? "true" : undefined}>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${uid}-name`}>{t("passkeys.name.label")}</label>
        <span className="hint" id={`${uid}-hint`}>
          {t("passkeys.name.hint")}
        </span>
        <input
          id={`${uid}-name`}
          type="text"
          maxLength={80}
          autoComplete="off"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${uid}-hint ${uid}-error` : `${uid}-hint`}
          {...register("name")}
        />
        {nameError ? (
          <p className="field-error" id={`${uid}-error`} role="alert">
            {nameError}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn btn-primary" disabled={isPending || !isHydrated}>
        {isPending ? t("passkeys.step.working") : submitLabel}
      </button>
    </form>
  );
}

/** Confirms a partial sign-in with one of the user's passkeys; the server action redirects on success. */
export function VerifyPasskeyButton({ callbackUrl, actions }: { callbackUrl?: string; actions: VerifyPasskeyActions }) {
  const { t } = useI18n();
  const isHydrated = useHydrated();
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function run() {
    setFormError(null);
    if (!browserSupportsWebAuthn()) return setFormError(t("passkeys.errors.unsupported"));
    startTransition(async () => {
      const options = await actions.options();
      if (!options.ok) return setFormError(failureOf(options, t));
      let response;
      try {
        response = await startAuthentication({ optionsJSON: options.data });
      } catch (error) {
        return setFormError(browserFailure(error, t));
      }
      setFormError(failureOf(await actions.verify(response, callbackUrl), t));
    });
  }

  return (
    <div className="stack" data-hydrated={isHydrated ? "true" : undefined}>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <button type="button" className="btn btn-primary" onClick={run} disabled={isPending || !isHydrated}>
        {isPending ? t("passkeys.step.working") : t("passkeys.step.verifyButton")}
      </button>
    </div>
  );
}
