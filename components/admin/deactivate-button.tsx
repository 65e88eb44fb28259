"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/errors";

interface DeactivateButtonProps {
  userName: string;
  /** What the button does: deactivate an active account, reactivate a deactivated one. */
  mode: "deactivate" | "reactivate";
  /** A server action bound to the user: redirects on success, returns the error otherwise. */
  action: () => Promise<ActionResult | undefined>;
}

/** Deactivates or reactivates an account after an explicit, in-page confirmation. */
export function DeactivateButton({ userName, mode, action }: DeactivateButtonProps) {
  const { t } = useI18n();
  const uid = useId();
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Move focus into the confirmation and back, so keyboard and screen-reader users follow the step.
  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);

  const isDeactivate = mode === "deactivate";
  const busy = isPending;

  function run() {
    setError(null);
    // Inside a transition, the action's redirect (its success) is handled by Next's redirect boundary.
    startTransition(async () => {
      const result = await action();
      if (!result || result.ok) return;
      startTransition(() => {
        setError(result.formError ?? t("common.errors.invalidInput"));
        setIsConfirming(false);
      });
    });
  }

  return (
    <div className="stack">
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <p className="muted" id={`${uid}-hint`}>
        {isDeactivate ? t("admin.deactivate.hint") : t("admin.reactivate.hint")}
      </p>
      {isConfirming ? (
        <div className="card stack" role="group" aria-labelledby={`${uid}-question`}>
          <p id={`${uid}-question`}>
            <strong>
              {isDeactivate
                ? t("admin.deactivate.confirm", { name: userName })
                : t("admin.reactivate.confirm", { name: userName })}
            </strong>
          </p>
          <div className="row">
            <button
              ref={confirmRef}
              type="button"
              className={isDeactivate ? "btn btn-danger" : "btn btn-primary"}
              onClick={run}
              disabled={busy}
            >
              {busy
                ? isDeactivate
                  ? t("admin.deactivate.working")
                  : t("admin.reactivate.working")
                : isDeactivate
                  ? t("admin.deactivate.confirmButton")
                  : t("admin.reactivate.confirmButton")}
            </button>
            <button type="button" className="btn" onClick={() => setIsConfirming(false)} disabled={busy}>
              {t("common.actions.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={openRef}
          type="button"
          className={isDeactivate ? "btn btn-danger" : "btn"}
          aria-describedby={`${uid}-hint`}
          onClick={() => setIsConfirming(true)}
        >
          {isDeactivate ? t("admin.deactivate.button") : t("admin.reactivate.button")}
        </button>
      )}
    </div>
  );
}
