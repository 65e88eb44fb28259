"use client";

import Link from "next/link";
import { useId, useRef, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionResult } from "@/lib/errors";
import { fieldLabelKey, fieldOrder } from "./field-paths";
import type { RequestFormValues } from "./form-values";

type Failure = Extract<ActionResult, { ok: false }>;

/** The request's two server actions, passed by the page; both redirect on success. */
export type SaveRequestAction = (input: Record<string, unknown>) => Promise<ActionResult<unknown> | undefined>;
export type WithdrawRequestAction = (input: { requestId: string; expectedVersion: number }) => Promise<ActionResult | undefined>;

/**
 * Submits the request as saved. The server checks it with the submit schema; what is missing is
 * listed here with a link to the edit page. A repeated click is answered as the same submission.
 */
export function SubmitRequestButton({
  saveRequestAction,
  requestId,
  version,
  values,
}: {
  saveRequestAction: SaveRequestAction;
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
      const result = await saveRequestAction({ ...values, requestId, submit: true, expectedVersion: version });
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
export function WithdrawRequestButton({
  withdrawRequestAction,
  requestId,
  version,
  reference,
}: {
  withdrawRequestAction: WithdrawRequestAction;
  requestId: string;
  version: number;
  reference: string;
}) {
  const { t } = useI18n();
  return (
    <ConfirmButton
      label={t("requests.detail.withdraw")}
      hint={t("requests.detail.withdrawHint")}
      question={t("requests.detail.withdrawConfirm", { reference })}
      confirmLabel={t("requests.detail.withdrawConfirmButton")}
      workingLabel={t("requests.detail.withdrawing")}
      action={() => withdrawRequestAction({ requestId, expectedVersion: version })}
    />
  );
}
