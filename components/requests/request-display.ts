// How a request reads on lists and pages: its title in the reader's language, its status badge,
// the labels of its timeline's audit actions.
import { OFFICER_TIMELINE_ACTIONS } from "@/components/requests/notices";
import { type Locale, REQUEST_STATUSES, type RequestStatus } from "@/lib/enums";
import type { MessageKey } from "@/lib/i18n/translate";

const TIMELINE_ACTIONS: Record<string, MessageKey> = {
  "request.create": "requests.timeline.create",
  "request.update": "requests.timeline.update",
  "request.submit": "requests.timeline.submit",
  "request.resubmit": "requests.timeline.resubmit",
  "request.withdraw": "requests.timeline.withdraw",
  "request.attachment.add": "requests.timeline.attachmentAdd",
  "request.attachment.remove": "requests.timeline.attachmentRemove",
  ...OFFICER_TIMELINE_ACTIONS,
};

/** The label of an audit action on a request; actions this screen does not know get a generic one. */
export function timelineActionKey(action: string): MessageKey {
  return Object.prototype.hasOwnProperty.call(TIMELINE_ACTIONS, action) ? TIMELINE_ACTIONS[action] : "requests.timeline.other";
}

export function statusBadgeClass(status: RequestStatus): string {
  if (status === "approved" || status === "awarded") return "badge badge-success";
  if (status === "rejected" || status === "withdrawn") return "badge badge-danger";
  return "badge";
}

export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === "string" && (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** The title to show: in the reader's language when given, else in the filer's, else the other; null when none. */
export function displayTitle(
  request: { titleEn: string | null; titleEs: string | null; primaryLocale: Locale },
  locale: Locale,
): { text: string; lang: Locale } | null {
  const order: Locale[] = [locale, request.primaryLocale, locale === "en" ? "es" : "en"];
  for (const l of order) {
    const text = l === "en" ? request.titleEn : request.titleEs;
    if (text && text.trim()) return { text, lang: l };
  }
  return null;
}

