"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/errors";

interface ApproveAwardButtonProps {
  /** The server action (the page passes it): redirects on success, returns the refusal otherwise. */
  action: (input: { awardId: string; expectedVersion: number }) => Promise<ActionResult<unknown> | undefined>;
  awardId: string;
  /** The award's version the page showed: a parallel approval makes this one a conflict. */
  version: number;
  reference: string;
  /** The amount, formatted for the reader, for the confirmation question. */
  amountText: string;
}

/** The second approval of an award, after an explicit, in-page confirmation. */
export function ApproveAwardButton({ action, awardId, version, reference, amountText }: ApproveAwardButtonProps) {
  const { t } = useI18n();
  const uid = useId();
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const inFlight = useRef(false);
  const hydrated = useHydrated();

  // Move focus into the confirmation and back, so keyboard and screen-reader users follow the step.
  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);

  function run() {
    if (inFlight.current) return;
    inFlight.current = true;
    setError(null);
    // Inside a transition, the action's redirect (its success) is handled by Next's redirect boundary.
    startTransition(async () => {
      const result = await action({ awardId, expectedVersion: version });
      if (!result || result.ok) return;
      inFlight.current = false;
      startTransition(() => {
        setError(result.formError ?? t("common.errors.invalidInput"));
        setIsConfirming(false);
      });
    });
  }

  return (
    <div className="stack" data-hydrated={hydrated ? "true" : undefined} data-testid="approve-award">
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      {isConfirming ? (
        <div className="card stack" role="group" aria-labelledby={`${uid}-question`}>
          <p id={`${uid}-question`}>
            <strong>{t("awards.approve.confirm", { reference, amount: amountText })}</strong>
          </p>
          <div className="row">
            <button ref={confirmRef} type="button" className="btn btn-primary" onClick={run} disabled={isPending}>
              {isPending ? t("awards.approve.working") : t("awards.approve.confirmButton")}
            </button>
            <button type="button" className="btn" onClick={() => setIsConfirming(false)} disabled={isPending}>
              {t("common.actions.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button ref={openRef} type="button" className="btn btn-primary" aria-describedby={`${uid}-hint`} onClick={() => setIsConfirming(true)}>
            {t("awards.approve.button")}
          </button>
        </div>
      )}
      <p className="muted small" id={`${uid}-hint`}>
        {t("awards.approve.hint")}
      </p>
    </div>
  );
}
