"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ATTACHMENT_ACCEPT } from "@/lib/attachments/detect";

/** Uploads evidence files to a deliverable through its upload route; errors come back in the user's language. */
export function EvidenceUpload({ awardId, deliverableId }: { awardId: string; deliverableId: string }) {
  const { t } = useI18n();
  const uid = useId();
  const router = useRouter();
  const hydrated = useHydrated();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState(false);

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const files = inputRef.current?.files;
    if (!files || files.length === 0) {
      setErrors([t("delivery.deliverables.upload.noFiles")]);
      return;
    }
    const form = new FormData();
    for (const f of Array.from(files)) form.append("files", f);
    setBusy(true);
    setDone(false);
    try {
      const response = await fetch(`/awards/${encodeURIComponent(awardId)}/deliverables/${encodeURIComponent(deliverableId)}/evidence`, { method: "POST", body: form });
      const body = (await response.json().catch(() => null)) as { ok: boolean; errors?: string[] } | null;
      if (body?.ok) {
        setErrors([]);
        setDone(true);
        if (inputRef.current) inputRef.current.value = "";
        router.refresh();
      } else {
        setErrors(body?.errors ?? [t("common.errors.invalidInput")]);
      }
    } catch {
      setErrors([t("attachments.errors.unreadable")]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void upload(e)} aria-busy={busy} data-hydrated={hydrated ? "true" : undefined} data-testid={`evidence-upload-${deliverableId}`}>
      {errors.length > 0 ? (
        <div className="alert alert-error" role="alert">
          <ul className="m-0">
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {done ? (
        <div className="alert alert-success" role="status">
          {t("delivery.deliverables.upload.done")}
        </div>
      ) : null}
      <label htmlFor={`${uid}-files`}>{t("delivery.deliverables.upload.label")}</label>
      <input ref={inputRef} id={`${uid}-files`} type="file" name="files" multiple accept={ATTACHMENT_ACCEPT} aria-describedby={`${uid}-hint`} />
      <p className="muted small m-0" id={`${uid}-hint`}>
        {t("delivery.deliverables.upload.hint")}
      </p>
      <div>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t("delivery.deliverables.upload.working") : t("delivery.deliverables.upload.submit")}
        </button>
      </div>
    </form>
  );
}
