// Pure: which reminder a due date calls for today. No server imports (the CLI and tests use it).

import { daysBetween } from "@/lib/dates";

export type ReminderKind = "14_days" | "3_days" | "overdue";

export const REMINDER_KINDS: readonly ReminderKind[] = ["14_days", "3_days", "overdue"];

/**
 * The reminder a due date calls for on `today`, or null. Windows rather than exact days, so a run that
 * missed a day (the server was down) still sends it: 14 to 4 days before -> "14_days", 3 days before up
 * to the due date itself -> "3_days", the day after and later -> "overdue". Only the current window's
 * reminder is sent: a deliverable added two days before it is due gets the 3-day one, not both.
 */
export function reminderKindFor(dueOn: string, today: string): ReminderKind | null {
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft < 0) return "overdue";
  if (daysLeft <= 3) return "3_days";
  if (daysLeft <= 14) return "14_days";
  return null;
}
