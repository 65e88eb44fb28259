import type { MessageKey } from "@/lib/i18n/translate";

/** The `?notice=` values the officer actions redirect with after a transition. */
export const OFFICER_NOTICES = ["screeningStarted", "sentToReview", "changesRequested", "rejected", "approved"] as const;
export type OfficerNotice = (typeof OFFICER_NOTICES)[number];

/** The message for a `?notice=` value from the officer actions; null for any other value. */
export function officerNoticeKey(notice: unknown): MessageKey | null {
  return typeof notice === "string" && (OFFICER_NOTICES as readonly string[]).includes(notice)
    ? (`officer.notices.${notice as OfficerNotice}` as const)
    : null;
}

/**
 * Timeline labels for the audit actions the screening and decision mutations write on a request, to
 * merge into the request timeline's action map. ("comment.add" is audited on the comment, not the
 * request, so that the state's timeline never reveals internal comments or their authors.)
 */
export const OFFICER_TIMELINE_ACTIONS: Record<string, MessageKey> = {
  "request.startScreening": "officer.timeline.startScreening",
  "request.sendToReview": "officer.timeline.sendToReview",
  "request.requestChanges": "officer.timeline.requestChanges",
  "request.reject": "officer.timeline.reject",
  "request.approve": "officer.timeline.approve",
  "request.award": "officer.timeline.award",
  "comment.add": "officer.timeline.commentAdd",
};
