// Pure session-lifetime rules (decision 0017) and who needs a second factor (decision 0016).
// No database here: the session lookup applies these to the row it read.
import type { Role } from "@/lib/enums";

/** Roles that move money or manage accounts: they sign in with the e-mail link and a passkey. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["program_officer", "approver", "admin"];

export function needsSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => SECOND_FACTOR_ROLES.includes(role));
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

export interface SessionLifetime {
  idleMs: number;
  absoluteMs: number;
}

/** Staff: 30 minutes idle, 12 hours absolute (NIST 800-63B AAL2). Others: 2 hours idle, 8 hours absolute. */
export function sessionLifetimeFor(roles: readonly Role[]): SessionLifetime {
  return needsSecondFactor(roles) ? { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR } : { idleMs: 2 * HOUR, absoluteMs: 8 * HOUR };
}

/** last_seen_at is written at most this often, so that a busy page does not write on every request. */
export const LAST_SEEN_WRITE_INTERVAL_MS = 60 * 1000;

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expires: Date;
  secondFactorAt: Date | null;
}

export type SessionStatus = "expired" | "partial" | "active";

/**
 * What a session row is worth now: expired (idle, absolute, or past its Auth.js expiry), partial (a staff
 * user who has not yet completed the second factor: not signed in for any data access), or active.
 * Roles are the user's current ones, so a user who just became staff needs the second factor at once.
 */
export function sessionStatus(session: SessionTimes, roles: readonly Role[], now: Date = new Date()): SessionStatus {
  const { idleMs, absoluteMs } = sessionLifetimeFor(roles);
  const t = now.getTime();
  if (session.expires.getTime() <= t) return "expired";
  if (t - session.createdAt.getTime() >= absoluteMs) return "expired";
  if (t - session.lastSeenAt.getTime() >= idleMs) return "expired";
  if (needsSecondFactor(roles) && !session.secondFactorAt) return "partial";
  return "active";
}

/** Whether this request should move last_seen_at forward. */
export function shouldTouchSession(lastSeenAt: Date, now: Date = new Date()): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_WRITE_INTERVAL_MS;
}
