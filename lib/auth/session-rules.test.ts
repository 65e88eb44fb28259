import { describe, expect, it } from "vitest";
import { needsSecondFactor, sessionLifetimeFor, sessionStatus, shouldTouchSession } from "./session-rules";
import { ROLES } from "@/lib/enums";

const now = new Date("2026-12-03T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const later = new Date(now.getTime() + 24 * 3600_000);

describe("who needs a second factor", () => {
  it("is program officers, approvers and admins, and nobody else", () => {
    const needing = ROLES.filter((role) => needsSecondFactor([role]));
    expect(needing.sort()).toEqual(["admin", "approver", "program_officer"]);
    expect(needsSecondFactor(["reviewer", "approver"])).toBe(true);
    expect(needsSecondFactor([])).toBe(false);
  });
});

describe("session lifetimes", () => {
  it("staff: 30 minutes idle, 12 hours absolute; others: 2 hours idle, 8 hours absolute", () => {
    expect(sessionLifetimeFor(["program_officer"])).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 });
    expect(sessionLifetimeFor(["focal_point"])).toEqual({ idleMs: 2 * 3600_000, absoluteMs: 8 * 3600_000 });
  });

  const staff = ["program_officer"] as const;
  const complete = { createdAt: ago(60), lastSeenAt: ago(1), expires: later, secondFactorAt: ago(59) };

  it("a staff session ends after 30 idle minutes, not 29", () => {
    expect(sessionStatus({ ...complete, lastSeenAt: ago(29) }, staff, now)).toBe("active");
    expect(sessionStatus({ ...complete, lastSeenAt: ago(30) }, staff, now)).toBe("expired");
  });

  it("a staff session ends 12 hours after sign-in however active it was", () => {
    expect(sessionStatus({ ...complete, createdAt: ago(12 * 60 - 1) }, staff, now)).toBe("active");
    expect(sessionStatus({ ...complete, createdAt: ago(12 * 60), lastSeenAt: ago(0) }, staff, now)).toBe("expired");
  });

  it("a staff session without the second factor is partial; with it, active", () => {
    expect(sessionStatus({ ...complete, secondFactorAt: null }, staff, now)).toBe("partial");
    expect(sessionStatus({ ...complete, secondFactorAt: null }, ["focal_point"], now)).toBe("active");
  });

  it("an expired partial session is expired, not partial", () => {
    expect(sessionStatus({ ...complete, secondFactorAt: null, lastSeenAt: ago(31) }, staff, now)).toBe("expired");
  });

  it("other roles: 2 hours idle and 8 hours absolute", () => {
    const donor = ["donor"] as const;
    const s = { ...complete, secondFactorAt: null };
    expect(sessionStatus({ ...s, lastSeenAt: ago(119) }, donor, now)).toBe("active");
    expect(sessionStatus({ ...s, lastSeenAt: ago(120) }, donor, now)).toBe("expired");
    expect(sessionStatus({ ...s, createdAt: ago(8 * 60 - 1) }, donor, now)).toBe("active");
    expect(sessionStatus({ ...s, createdAt: ago(8 * 60) }, donor, now)).toBe("expired");
  });

  it("a row past its Auth.js expiry is expired whatever the role", () => {
    expect(sessionStatus({ ...complete, expires: now }, ["donor"], now)).toBe("expired");
  });

  it("a user who just became staff needs the second factor in the session they have", () => {
    const s = { ...complete, secondFactorAt: null };
    expect(sessionStatus(s, ["reviewer"], now)).toBe("active");
    expect(sessionStatus(s, ["reviewer", "approver"], now)).toBe("partial");
  });

  it("writes last_seen_at at most once a minute", () => {
    expect(shouldTouchSession(new Date(now.getTime() - 59_000), now)).toBe(false);
    expect(shouldTouchSession(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});
