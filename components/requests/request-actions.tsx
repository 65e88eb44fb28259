"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { saveRequestAction, withdrawRequestAction } from "@/app/requests/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/errors";
import { fieldLabelKey, fieldOrder, type RequestFormValues } from "./request-fields";

type Failure = Extract<ActionResult, { ok: false }>;

/**
 * Submits the request as saved. The server checks it with the submit schema; what is missing is
 * listed here with a link to the edit page. A repeated click is answered as the same submission.
 */
export function SubmitRequestButton({
  requestId,
  version,
  values,
}: {
  requestId: string;
  version: number;
  /** The stored content as the form's raw values: the server parses it as the form would send it. */
  values: RequestFormValues;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [isPending, startTransition] = useTransition();
  const alertRef = useRef<HTMLDivElement>(null);
  const inFlight = useRef(false);

  function run() {
    if (inFlight.current) return;
    inFlight.current = true;
    setFailure(null);
    // Inside a transition, the action's redirect (its success) is handled by Next's redirect boundary.
    startTransition(async () => {
      const result = await saveRequestAction(requestId, values, { submit: true, expectedVersion: version });
      if (!result || result.ok) return;
      inFlight.current = false;
      startTransition(() => setFailure(result));
      requestAnimationFrame(() => alertRef.current?.focus());
    });
  }

  const fieldErrors = Object.entries(failure?.fieldErrors ?? {}).sort(([a], [b]) => fieldOrder(a) - fieldOrder(b));

  return (
    <div className="stack">
      <div ref={alertRef} tabIndex={-1} role="alert" className={failure ? "alert alert-error stack" : undefined}>
        {failure ? (
          <>
            <p>
              <strong>{t("requests.detail.submitFailed")}</strong>
              {/* With field errors listed, the generic "correct the highlighted fields" would mislead here. */}
              {fieldErrors.length === 0 && failure.formError ? ` ${failure.formError}` : null}
            </p>
            {fieldErrors.length > 0 ? (
              <>
                <p>{t("requests.detail.submitIncomplete")}</p>
                <ul>
                  {fieldErrors.map(([path, text]) => {
                    const labelKey = fieldLabelKey(path);
                    return (
                      <li key={path}>
                        {labelKey ? `${t(labelKey)}: ` : ""}
                        {text}
                      </li>
                    );
                  })}
                </ul>
                <p>
                  <Link href={`/requests/${encodeURIComponent(requestId)}/edit`}>{t("requests.detail.editToComplete")}</Link>
                </p>
              </>
            ) : null}
          </>
        ) : null}
      </div>
      <div>
        <button type="button" className="btn btn-primary" onClick={run} disabled={isPending} aria-describedby={`${uid}-hint`}>
          {isPending ? t("requests.detail.submitting") : t("requests.detail.submit")}
        </button>
      </div>
      <p className="muted small" id={`${uid}-hint`}>
        {t("requests.detail.submitHint")}
      </p>
    </div>
  );
}

/** Withdraws the request after an explicit, in-page confirmation. */
export function WithdrawRequestButton({ requestId, version, reference }: { requestId: string; version: number; reference: string }) {
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

  function run() {
    setError(null);
    startTransition(async () => {
      const result = await withdrawRequestAction(requestId, version);
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
      {isConfirming ? (
        <div className="card stack" role="group" aria-labelledby={`${uid}-question`}>
          <p id={`${uid}-question`}>
            <strong>{t("requests.detail.withdrawConfirm", { reference })}</strong>
          </p>
          <div className="row">
            <button ref={confirmRef} type="button" className="btn btn-danger" onClick={run} disabled={isPending}>
              {isPending ? t("requests.detail.withdrawing") : t("requests.detail.withdrawConfirmButton")}
            </button>
            <button type="button" className="btn" onClick={() => setIsConfirming(false)} disabled={isPending}>
              {t("common.actions.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button ref={openRef} type="button" className="btn btn-danger" aria-describedby={`${uid}-hint`} onClick={() => setIsConfirming(true)}>
            {t("requests.detail.withdraw")}
          </button>
        </div>
      )}
      <p className="muted small" id={`${uid}-hint`}>
        {t("requests.detail.withdrawHint")}
      </p>
    </div>
  );
}
