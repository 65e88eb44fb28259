import type { AWARD_STATUSES } from "@/lib/enums";
import type { MessageKey } from "@/lib/i18n/translate";

type AwardStatus = (typeof AWARD_STATUSES)[number];

/** The badge for an award's status: active in green, cancelled in red, the rest neutral. */
export function awardStatusBadgeClass(status: AwardStatus): string {
  if (status === "active" || status === "completed") return "badge badge-success";
  if (status === "cancelled") return "badge badge-danger";
  return "badge";
}

const TIMELINE_ACTIONS: Record<string, MessageKey> = {
  "award.create": "awards.timeline.create",
  "award.approve": "awards.timeline.approve",
  "program.create": "programs.timeline.create",
  "program.update": "programs.timeline.update",
};

/**
 * The label of an award or program audit action ("award.create", "award.approve", "program.create",
 * "program.update") for a timeline; null for actions of other areas.
 */
export function awardTimelineKey(action: string): MessageKey | null {
  return Object.prototype.hasOwnProperty.call(TIMELINE_ACTIONS, action) ? TIMELINE_ACTIONS[action] : null;
}
