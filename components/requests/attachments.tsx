import { ATTACHMENT_LIMITS, extensionForMime, formatFileSize } from "@/lib/attachments/detect";
import type { ActionResult } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { AttachmentUploadForm, RemoveAttachmentButton } from "./attachment-controls";

export interface RequestAttachmentItem {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

interface RequestAttachmentsProps {
  requestId: string;
  attachments: RequestAttachmentItem[];
  /** Whether this user may add and remove files now (the filer, while the request is editable). */
  canEdit: boolean;
  /** The server action that removes one of the request's files (the page passes it). */
  removeAttachmentAction: (input: { requestId: string; attachmentId: string }) => Promise<ActionResult>;
}

/** The request's files with download links, and for its filer the upload form and remove buttons. */
export async function RequestAttachments({ requestId, attachments, canEdit, removeAttachmentAction }: RequestAttachmentsProps) {
  const { t, locale } = await getI18n();
  const base = `/requests/${encodeURIComponent(requestId)}/attachments`;
  return (
    <section className="stack" aria-labelledby="attachments-title" data-testid="request-attachments">
      <h2 id="attachments-title">{t("attachments.title")}</h2>
      {attachments.length === 0 ? (
        <p className="muted">{t("attachments.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="muted small">
              {t("attachments.count", { count: attachments.length, max: ATTACHMENT_LIMITS.maxFiles })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("attachments.columns.file")}</th>
                <th scope="col">{t("attachments.columns.type")}</th>
                <th scope="col">{t("attachments.columns.size")}</th>
                <th scope="col">{t("attachments.columns.uploaded")}</th>
                {canEdit ? <th scope="col">{t("attachments.columns.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {attachments.map((a) => (
                <tr key={a.id}>
                  <td>
                    {/* A plain link: the route answers with the file, not a page to navigate to. */}
                    <a href={`${base}/${encodeURIComponent(a.id)}`} download={a.filename} title={t("attachments.download", { name: a.filename })}>
                      {a.filename}
                    </a>
                  </td>
                  <td>{t(`attachments.types.${extensionForMime(a.contentType) ?? "other"}`)}</td>
                  <td>{formatFileSize(a.sizeBytes, locale)}</td>
                  <td>
                    <time dateTime={a.createdAt.toISOString()}>{formatDateTime(a.createdAt, locale)} UTC</time>
                  </td>
                  {canEdit ? (
                    <td>
                      <RemoveAttachmentButton action={removeAttachmentAction.bind(null, { requestId, attachmentId: a.id })} filename={a.filename} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? <AttachmentUploadForm requestId={requestId} existingCount={attachments.length} /> : null}
    </section>
  );
}
