"use client";

import { useId, useRef, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/errors";

/**
 * Takes the request into screening, on the version the page was rendered with, through the server
 * action the page passes (it redirects on success).
 */
export function StartScreeningButton({
  action,
  requestId,
  version,
}: {
  action: (input: { requestId: string; expectedVersion: number }) => Promise<ActionResult<unknown> | undefined>;
  requestId: string;
  version: number;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const alertRef = useRef<HTMLDivElement>(null);

  function run() {
    setError(null);
    // Inside a transition: the action's redirect (its success) reaches Next's redirect boundary.
    startTransition(async () => {
      const result = await action({ requestId, expectedVersion: version });
      if (!result || result.ok) return;
      startTransition(() => setError(result.formError ?? t("common.errors.invalidInput")));
      requestAnimationFrame(() => alertRef.current?.focus());
    });
  }

  return (
    <div className="stack">
      <div ref={alertRef} tabIndex={-1} role="alert" className={error ? "alert alert-error" : undefined}>
        {error}
      </div>
      <p id={`${uid}-hint`}>{t("officer.screening.startIntro")}</p>
      <div>
        <button type="button" className="btn btn-primary" onClick={run} disabled={isPending} aria-describedby={`${uid}-hint`}>
          {isPending ? t("officer.screening.starting") : t("officer.screening.start")}
        </button>
      </div>
    </div>
  );
}
