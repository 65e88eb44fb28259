import "server-only";
import type { Tx } from "@/db/client";
import { requestDecisions } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { insertComment } from "@/lib/comments/unchecked";
import { enqueueMail } from "@/lib/email/outbox";
import type { Locale } from "@/lib/i18n/config";
import type { MutationContext } from "@/lib/mutations/define";
import { focalPointsOf } from "@/lib/requests/unchecked";
import type { RequestRecord } from "@/lib/requests/queries";
import type { Decision } from "./schema";

type Letterhead = Pick<RequestRecord, "id" | "reference" | "countryIso2" | "titleEn" | "titleEs" | "primaryLocale">;

/** The request's title for a reader: in their language when given, else the other, else the reference. */
function titleFor(request: Letterhead, locale: Locale): string {
  const own = locale === "es" ? request.titleEs : request.titleEn;
  const other = locale === "es" ? request.titleEn : request.titleEs;
  return own?.trim() || other?.trim() || request.reference;
}

function requestUrl(request: Letterhead, ctx: Pick<MutationContext, "baseUrl">): string {
  return `${ctx.baseUrl}/requests/${request.id}`;
}

/**
 * Checks nothing: the caller has checked that the user may request changes on this request and parsed the message.
 * Inside the caller's transaction: the program office's message to the state as a shared comment,
 * and a "changes-requested" mail to each of the country's active focal points, in their language.
 */
export async function notifyChangesRequested(
  tx: Tx,
  user: CurrentUser,
  request: Letterhead,
  message: string,
  ctx: Pick<MutationContext, "baseUrl">,
): Promise<{ commentId: string; mails: number }> {
  const commentId = await insertComment(tx, { requestId: request.id, authorId: user.id, visibility: "shared", body: message });
  const recipients = await focalPointsOf(tx, request.countryIso2);
  for (const to of recipients) {
    await enqueueMail(tx, {
      template: "changes-requested",
      to: to.email,
      locale: to.locale,
      payload: { reference: request.reference, title: titleFor(request, to.locale), message, url: requestUrl(request, ctx) },
    });
  }
  return { commentId, mails: recipients.length };
}

/**
 * Checks nothing: the caller has checked that the user may decide (or screen) this request and parsed the memo.
 * Inside the caller's transaction: records a decision (approve, reject or request changes) with its
 * memo and writes the letter to each of the country's active focal points in their language: a
 * "decision-letter" for approve and reject; for request changes, the memo as a shared comment and a
 * "changes-requested" mail. `decisionId` lets the caller name the row in its audit event first.
 */
export async function recordDecisionLetter(
  tx: Tx,
  user: CurrentUser,
  request: Letterhead,
  decision: Decision,
  memo: string,
  ctx: Pick<MutationContext, "baseUrl">,
  decisionId: string = crypto.randomUUID(),
): Promise<{ decisionId: string }> {
  await tx.insert(requestDecisions).values({ id: decisionId, requestId: request.id, decision, memo, decidedById: user.id });
  if (decision === "request_changes") {
    await notifyChangesRequested(tx, user, request, memo, ctx);
    return { decisionId };
  }
  for (const to of await focalPointsOf(tx, request.countryIso2)) {
    await enqueueMail(tx, {
      template: "decision-letter",
      to: to.email,
      locale: to.locale,
      payload: { reference: request.reference, title: titleFor(request, to.locale), decision, memo, url: requestUrl(request, ctx) },
    });
  }
  return { decisionId };
}
