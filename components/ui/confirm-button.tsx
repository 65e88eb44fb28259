"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/errors";
import { ConfirmIntro, useConfirmedAction } from "./use-confirmed-action";

export interface ConfirmButtonProps {
  /** The button that opens the confirmation, and its accessible name when it differs (e.g. names the row). */
  label: string;
  accessibleLabel?: string;
  question: string;
  /** What the action does, shown beside the button and announced with it. */
  hint?: string;
  confirmLabel: string;
  workingLabel: string;
  /** A server action bound to its record: redirects on success, returns the error otherwise. */
  action: () => Promise<ActionResult | undefined>;
  /** What to do when the action succeeds without redirecting (e.g. refresh the page's data). */
  onDone?: () => void;
  tone?: "danger" | "primary";
}

/** A destructive action behind an explicit, in-page confirmation (focus moves into it and back). */
export function ConfirmButton({ label, accessibleLabel, question, hint, confirmLabel, workingLabel, action, onDone, tone = "danger" }: ConfirmButtonProps) {
  const { t } = useI18n();
  const uid = useId();
  const [isConfirming, setIsConfirming] = useState(false);
  const { run, error, isPending } = useConfirmedAction(action, { onDone, onRefused: () => setIsConfirming(false) });
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);

  const toneClass = tone === "danger" ? "btn btn-danger" : "btn btn-primary";
  return (
    <div className="stack">
      <ConfirmIntro error={error} hint={hint} hintId={`${uid}-hint`} />
      {isConfirming ? (
        <div className="card stack" role="group" aria-labelledby={`${uid}-question`}>
          <p id={`${uid}-question`}>
            <strong>{question}</strong>
          </p>
          <div className="row">
            <button ref={confirmRef} type="button" className={toneClass} onClick={run} disabled={isPending}>
              {isPending ? workingLabel : confirmLabel}
            </button>
            <button type="button" className="btn" onClick={() => setIsConfirming(false)} disabled={isPending}>
              {t("common.actions.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={openRef}
          type="button"
          className={tone === "danger" ? "btn btn-danger" : "btn"}
          aria-label={accessibleLabel}
          aria-describedby={hint ? `${uid}-hint` : undefined}
          onClick={() => setIsConfirming(true)}
        >
          {label}
        </button>
      )}
    </div>
  );
}
