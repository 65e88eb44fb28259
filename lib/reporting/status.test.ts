import { describe, expect, it } from "vitest";
import { percentOf, periodStatus } from "./status";

const period = { startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-30" };

describe("periodStatus", () => {
  it("follows the dates while no report is submitted", () => {
    for (const report of [null, "draft"] as const) {
      expect(periodStatus(period, report, "2025-12-31")).toEqual({ status: "not_started", isOverdue: false });
      expect(periodStatus(period, report, "2026-01-01")).toEqual({ status: "open", isOverdue: false });
      expect(periodStatus(period, report, "2026-03-31")).toEqual({ status: "open", isOverdue: false });
      expect(periodStatus(period, report, "2026-04-01")).toEqual({ status: "due", isOverdue: false });
      expect(periodStatus(period, report, "2026-04-30")).toEqual({ status: "due", isOverdue: false });
      expect(periodStatus(period, report, "2026-05-01")).toEqual({ status: "overdue", isOverdue: true });
    }
  });
  it("shows the report's status once submitted; overdue until accepted", () => {
    expect(periodStatus(period, "submitted", "2026-04-10")).toEqual({ status: "submitted", isOverdue: false });
    expect(periodStatus(period, "submitted", "2026-05-10")).toEqual({ status: "submitted", isOverdue: true });
    expect(periodStatus(period, "returned", "2026-05-10")).toEqual({ status: "returned", isOverdue: true });
    expect(periodStatus(period, "accepted", "2026-05-10")).toEqual({ status: "accepted", isOverdue: false });
  });
});

describe("percentOf", () => {
  it("is null without a target and rounds to one decimal", () => {
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(150, 100)).toBe(150);
  });
});
