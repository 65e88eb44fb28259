"use client";

import { useState, useTransition, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/errors";

/**
 * Runs a confirmed server action (ConfirmButton, ConfirmDialog): inside a transition, so that the
 * action's redirect (its success) is handled by Next's redirect boundary; a refusal becomes the error
 * shown above the button. `onSuccess` and `onRefused` close the confirmation as each component does it.
 */
export function useConfirmedAction(
  action: () => Promise<ActionResult | undefined>,
  { onDone, onSuccess, onRefused }: { onDone?: () => void; onSuccess?: () => void; onRefused: () => void },
) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function run() {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result || result.ok) {
        if (onSuccess) startTransition(onSuccess);
        onDone?.();
        return;
      }
      startTransition(() => {
        setError(result.formError ?? t("common.errors.invalidInput"));
        onRefused();
      });
    });
  }
  return { run, error, isPending };
}

/** What stands above a confirmed action's button: its refusal, if any, and the hint that describes it. */
export function ConfirmIntro({ error, hint, hintId }: { error: string | null; hint?: ReactNode; hintId: string }) {
  return (
    <>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      {hint ? (
        <p className="muted" id={hintId}>
          {hint}
        </p>
      ) : null}
    </>
  );
}
