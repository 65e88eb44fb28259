"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button, SubmitButton } from "@/components/ui/button";

export type RequestFormMode = "draft" | "submit";

/**
 * "Save draft" (the form's submit, so Enter in a field saves a draft, never submits the request),
 * "Submit request" and "Cancel"; while one is being sent both are disabled and it says so.
 */
export function RequestSubmitBar({
  busy,
  mode,
  onSubmitRequest,
  cancelHref,
  hintId,
}: {
  busy: boolean;
  /** The button last pressed. */
  mode: RequestFormMode;
  onSubmitRequest: () => void;
  cancelHref: string;
  hintId: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <p className="muted small" id={hintId}>
        {t("requests.form.submitHint")}
      </p>
      <div className="row">
        <SubmitButton variant="default" busy={busy} busyLabel={mode === "draft" ? t("requests.form.savingDraft") : t("requests.form.saveDraft")}>
          {t("requests.form.saveDraft")}
        </SubmitButton>
        <Button variant="primary" disabled={busy} aria-describedby={hintId} onClick={onSubmitRequest}>
          {busy && mode === "submit" ? t("requests.form.submitting") : t("requests.form.submit")}
        </Button>
        <Link href={cancelHref}>{t("requests.form.cancel")}</Link>
      </div>
    </>
  );
}
