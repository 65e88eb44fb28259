import { describe, expect, it } from "vitest";
import { addDays, addMonthsClamped, addYears, dateField, daysBetween, isCalendarDate, isoDateOf, isWithin, todayIso } from "./dates";

describe("isCalendarDate and dateField", () => {
  it("checks real dates between 2000 and 2100", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("1999-12-31")).toBe(false);
    expect(isCalendarDate("2100-12-31")).toBe(true);
    expect(isCalendarDate("2101-01-01")).toBe(false);
    expect(isCalendarDate("2026-1-05")).toBe(false);
  });
  it("trims the input and names what is wrong", () => {
    expect(dateField.parse(" 2026-03-05 ")).toBe("2026-03-05");
    const issue = (v: unknown) => dateField.safeParse(v).error?.issues[0].message;
    expect(issue("")).toBe("awards.errors.dateRequired");
    expect(issue("2026-02-30")).toBe("awards.errors.date");
    expect(issue("tomorrow")).toBe("awards.errors.date");
  });
});

describe("today", () => {
  it("is a calendar day in UTC", () => {
    expect(todayIso(new Date("2026-03-05T23:59:00Z"))).toBe("2026-03-05");
    expect(isoDateOf(new Date("2026-03-05T00:00:00Z"))).toBe("2026-03-05");
  });
  it("is the local calendar day in a given time zone", () => {
    expect(todayIso(new Date("2026-03-05T23:59:00Z"), "America/Mexico_City")).toBe("2026-03-05");
    expect(todayIso(new Date("2026-03-06T03:00:00Z"), "America/Mexico_City")).toBe("2026-03-05");
    expect(todayIso(new Date("2026-03-05T23:59:00Z"), "Asia/Tokyo")).toBe("2026-03-06");
  });
});

describe("date arithmetic", () => {
  it("adds days across months and years", () => {
    expect(addDays("2026-12-31", 30)).toBe("2027-01-30");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });
  it("adds months clamped to the month's end, from the anchor", () => {
    expect(addMonthsClamped("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsClamped("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonthsClamped("2026-01-31", 3)).toBe("2026-04-30");
    expect(addMonthsClamped("2026-01-31", 6)).toBe("2026-07-31");
    expect(addMonthsClamped("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonthsClamped("2026-03-01", 12)).toBe("2027-03-01");
    expect(addMonthsClamped("2026-03-31", -1)).toBe("2026-02-28");
  });
  it("adds years on the calendar", () => {
    expect(addYears("2026-09-01", 5)).toBe("2031-09-01");
    expect(addYears("2024-02-29", 1)).toBe("2025-03-01");
  });
  it("addYears of a non-date is empty, not a RangeError", () => {
    expect(addYears("", 5)).toBe("");
  });
  it("counts the days between two dates", () => {
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(daysBetween("2026-03-01", "2026-02-27")).toBe(-2);
    expect(daysBetween("2026-03-01", "2026-03-01")).toBe(0);
  });
  it("tells whether a day falls within a period, both ends included", () => {
    const period = { startsOn: "2026-01-01", endsOn: "2026-12-31" };
    expect(isWithin("2026-01-01", period)).toBe(true);
    expect(isWithin("2026-12-31", period)).toBe(true);
    expect(isWithin("2025-12-31", period)).toBe(false);
    expect(isWithin("2027-01-01", period)).toBe(false);
  });
});
