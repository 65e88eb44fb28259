import type { CommentAccess, CommentRow } from "@/lib/comments/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { CommentForm, type AddCommentAction } from "./comment-form";

/**
 * The comments on a request and the form to add one. Staff (officers, assigned reviewers) see every
 * comment with author names; the state's focal points see shared ones only, staff shown as "Program
 * office". Renders nothing for anyone who may not see the request (the page then passes null).
 */
export async function RequestComments({
  requestId,
  data,
  addAction,
}: {
  requestId: string;
  data: { access: CommentAccess; comments: CommentRow[] } | null;
  addAction: AddCommentAction;
}) {
  if (!data) return null;
  const { access, comments } = data;
  const { t, locale } = await getI18n();
  const isStaff = access.mayReadInternal;
  return (
    <section className="card stack" id="comments" aria-labelledby="comments-heading" data-testid="request-comments">
      <h2 id="comments-heading">{t("officer.comments.heading")}</h2>
      <p className="muted small">{isStaff ? t("officer.comments.introStaff") : t("officer.comments.introState")}</p>
      {comments.length === 0 ? (
        <p className="muted">{t("officer.comments.none")}</p>
      ) : (
        <ol className="stack list-none" data-testid="comment-list">
          {comments.map((c) => (
            <li key={c.id} className="card p-4" data-visibility={c.visibility}>
              <p className="small m-0">
                <strong>
                  {c.authorName ?? (c.isProgramOffice ? t("officer.comments.programOffice") : t("officer.comments.unknownAuthor"))}
                </strong>
                {" · "}
                <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt, locale)} UTC</time>
                {isStaff ? (
                  <>
                    {" · "}
                    <span className={c.visibility === "internal" ? "badge" : "badge badge-success"}>{t(`officer.comments.${c.visibility}`)}</span>
                  </>
                ) : null}
              </p>
              <p className="text-pre m-0 mt-body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {access.mayPost.length > 0 ? <CommentForm requestId={requestId} allowed={access.mayPost} viewer={access.viewer} action={addAction} /> : null}
    </section>
  );
}
