import type { RequestStatus, Role } from "@/lib/enums";

export const REQUEST_EVENTS = [
  "submit",
  "withdraw",
  "startScreening",
  "sendToReview",
  "requestChanges",
  "approve",
  "reject",
  "award",
] as const;
export type RequestEvent = (typeof REQUEST_EVENTS)[number];

interface Transition {
  from: readonly RequestStatus[];
  to: RequestStatus;
  roles: readonly Role[];
}

/**
 * The request workflow: draft -> submitted -> screening -> in_review -> approved -> awarded, with
 * changes_requested (back to the state, then resubmitted), and rejected and withdrawn as ends.
 * Who may take a transition on a particular record (own country, assignment) is checked by the data
 * layer; this table says which roles and states allow it at all.
 */
export const TRANSITIONS: Record<RequestEvent, Transition> = {
  submit: { from: ["draft", "changes_requested"], to: "submitted", roles: ["focal_point"] },
  withdraw: { from: ["draft", "submitted"], to: "withdrawn", roles: ["focal_point"] },
  startScreening: { from: ["submitted"], to: "screening", roles: ["program_officer"] },
  sendToReview: { from: ["screening"], to: "in_review", roles: ["program_officer"] },
  requestChanges: { from: ["screening", "in_review"], to: "changes_requested", roles: ["program_officer"] },
  approve: { from: ["in_review"], to: "approved", roles: ["program_officer"] },
  reject: { from: ["screening", "in_review"], to: "rejected", roles: ["program_officer"] },
  award: { from: ["approved"], to: "awarded", roles: ["program_officer"] },
};

/** The status after `event`, or null when the event is not possible from `status`. */
export function nextStatus(status: RequestStatus, event: RequestEvent): RequestStatus | null {
  const t = TRANSITIONS[event];
  return t.from.includes(status) ? t.to : null;
}

/** Whether a user holding `roles` may take `event` on a request in `status`. */
export function canTransition(roles: readonly Role[], status: RequestStatus, event: RequestEvent): boolean {
  const t = TRANSITIONS[event];
  return t.from.includes(status) && roles.some((r) => t.roles.includes(r));
}

/** The events open to these roles now, in workflow order: what the UI offers. */
export function availableEvents(roles: readonly Role[], status: RequestStatus): RequestEvent[] {
  return REQUEST_EVENTS.filter((event) => canTransition(roles, status, event));
}

/** Content can be edited only while the state holds the request. */
export function isEditable(status: RequestStatus): boolean {
  return status === "draft" || status === "changes_requested";
}

export const TERMINAL_STATUSES: readonly RequestStatus[] = ["awarded", "rejected", "withdrawn"];
