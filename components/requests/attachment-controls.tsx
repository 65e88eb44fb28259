"use client";

import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { ATTACHMENT_ACCEPT, ATTACHMENT_LIMITS, displayFilename, hasAcceptedExtension } from "@/lib/attachments/detect";
import type { ActionResult } from "@/lib/errors";
import { plural } from "@/lib/i18n/plural";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

const MAX_MB = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);

/**
 * What the browser can tell before sending: count, size and name. Only a courtesy: the server
 * checks every file again, its type from the content.
 */
function precheck(files: File[], existingCount: number, t: Translate, locale: Locale): string[] {
  if (files.length === 0) return [t("attachments.errors.noFiles")];
  const remaining = Math.max(0, ATTACHMENT_LIMITS.maxFiles - existingCount);
  const problems: string[] = [];
  if (files.length > remaining) problems.push(plural(t, locale, "attachments.errors.tooManySelected", files.length, { remaining }));
  for (const f of files) {
    const name = displayFilename(f.name);
    if (f.size === 0) problems.push(t("attachments.errors.empty", { name }));
    else if (f.size > ATTACHMENT_LIMITS.maxBytes) problems.push(t("attachments.errors.tooLarge", { name, maxMb: MAX_MB }));
    else if (!hasAcceptedExtension(f.name)) problems.push(t("attachments.errors.wrongType", { name }));
  }
  return problems;
}

/** The errors of a failed upload: the server's own (translated) when it sent them, else by status. */
async function errorsFrom(response: Response, t: Translate): Promise<string[]> {
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === "object" && Array.isArray((body as { errors?: unknown }).errors)) {
    const errors = (body as { errors: unknown[] }).errors.filter((e): e is string => typeof e === "string");
    if (errors.length > 0) return errors;
  }
  if (response.status === 401 || response.redirected) return [t("attachments.errors.sessionExpired")];
  if (response.status === 413) return [t("attachments.errors.requestTooLarge", { maxFiles: ATTACHMENT_LIMITS.maxFiles, maxMb: MAX_MB })];
  if (response.status === 404) return [t("attachments.errors.notFound")];
  return [t("attachments.errors.failed")];
}

/** Uploads one or more files to the request through the upload route, then refreshes the page. */
export function AttachmentUploadForm({ requestId, existingCount }: { requestId: string; existingCount: number }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const uid = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [isUploading, setIsUploading] = useState(false);
  const [isRefreshing, startTransition] = useTransition();
  const remaining = Math.max(0, ATTACHMENT_LIMITS.maxFiles - existingCount);
  const isFull = remaining === 0;
  const busy = isUploading || isRefreshing;

  function fail(messages: string[]) {
    setErrors(messages);
    // After React has rendered the messages, so that screen readers announce them from the focused alert.
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setErrors([]);
    setNotice(null);
    const files = Array.from(inputRef.current?.files ?? []);
    const problems = precheck(files, existingCount, t, locale);
    if (problems.length > 0) return fail(problems);

    const body = new FormData();
    for (const f of files) body.append("files", f, f.name);
    setIsUploading(true);
    try {
      const response = await fetch(`/requests/${encodeURIComponent(requestId)}/attachments`, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (!response.ok || response.redirected) return fail(await errorsFrom(response, t));
      const result: unknown = await response.json().catch(() => null);
      if (!result || typeof result !== "object" || (result as { ok?: unknown }).ok !== true) {
        return fail(await errorsFrom(response, t));
      }
      form.reset();
      setNotice(plural(t, locale, "attachments.upload.done", files.length));
      startTransition(() => router.refresh());
    } catch {
      fail([t("attachments.errors.network")]);
    } finally {
      setIsUploading(false);
    }
  }

  const hintId = `${uid}-hint`;
  const errorId = `${uid}-errors`;
  return (
    <form
      className="card stack"
      onSubmit={(e) => void upload(e)}
      noValidate
      aria-busy={busy}
      aria-labelledby={`${uid}-legend`}
      encType="multipart/form-data"
    >
      <h3 id={`${uid}-legend`}>{t("attachments.upload.legend")}</h3>
      {/* Always present, so the live region exists before its message arrives and can take focus. */}
      <div
        ref={alertRef}
        id={errorId}
        role="alert"
        tabIndex={-1}
        className={errors.length > 0 ? "alert alert-error" : undefined}
        data-testid="attachments-errors"
      >
        {errors.length === 1 ? errors[0] : null}
        {errors.length > 1 ? (
          <ul className="list-indent">
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div role="status" className={notice ? "alert alert-success" : undefined}>
        {notice}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-files`}>{t("attachments.upload.label")}</label>
        <span className="hint" id={hintId}>
          {t("attachments.upload.hint", { maxFiles: ATTACHMENT_LIMITS.maxFiles, maxMb: MAX_MB })}{" "}
          {isFull ? t("attachments.upload.full", { max: ATTACHMENT_LIMITS.maxFiles }) : t("attachments.upload.remaining", { remaining })}
        </span>
        <input
          ref={inputRef}
          id={`${uid}-files`}
          name="files"
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          disabled={isFull || busy}
          aria-describedby={errors.length > 0 ? `${hintId} ${errorId}` : hintId}
          aria-invalid={errors.length > 0 ? true : undefined}
        />
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={isFull || busy}>
          {busy ? t("attachments.upload.submitting") : t("attachments.upload.submit")}
        </button>
      </div>
    </form>
  );
}

/** Removes one file after an explicit, in-page confirmation, with the action bound to it by the page. */
export function RemoveAttachmentButton({ action, filename }: { action: () => Promise<ActionResult>; filename: string }) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <ConfirmButton
      label={t("attachments.remove.button")}
      accessibleLabel={t("attachments.remove.label", { name: filename })}
      question={t("attachments.remove.confirm", { name: filename })}
      confirmLabel={t("attachments.remove.confirmButton")}
      workingLabel={t("attachments.remove.working")}
      action={action}
      onDone={() => router.refresh()}
    />
  );
}
