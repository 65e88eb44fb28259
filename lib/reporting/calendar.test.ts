import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { reportingPeriods } from "./calendar";

/** Every period follows the previous one without gap or overlap, and the last one ends the award. */
function expectCovers(periods: ReturnType<typeof reportingPeriods>, startsOn: string, endsOn: string) {
  expect(periods[0].startsOn).toBe(startsOn);
  expect(periods.at(-1)!.endsOn).toBe(endsOn);
  periods.forEach((p, i) => {
    expect(p.number).toBe(i + 1);
    expect(p.endsOn >= p.startsOn).toBe(true);
    expect(p.dueOn).toBe(addDays(p.endsOn, 30));
    expect(p.isFinal).toBe(i === periods.length - 1);
    if (i > 0) expect(p.startsOn).toBe(addDays(periods[i - 1].endsOn, 1));
  });
}

describe("reportingPeriods", () => {
  it("quarterly over one year: four quarters, the last one final, due 30 days after each end", () => {
    const periods = reportingPeriods({ startsOn: "2026-09-01", endsOn: "2027-08-31", frequencyMonths: 3 });
    expect(periods).toEqual([
      { number: 1, startsOn: "2026-09-01", endsOn: "2026-11-30", dueOn: "2026-12-30", isFinal: false },
      { number: 2, startsOn: "2026-12-01", endsOn: "2027-02-28", dueOn: "2027-03-30", isFinal: false },
      { number: 3, startsOn: "2027-03-01", endsOn: "2027-05-31", dueOn: "2027-06-30", isFinal: false },
      { number: 4, startsOn: "2027-06-01", endsOn: "2027-08-31", dueOn: "2027-09-30", isFinal: true },
    ]);
  });

  it("an award of one month has one final period, whatever the frequency", () => {
    for (const frequencyMonths of [1, 3, 6, 12]) {
      const periods = reportingPeriods({ startsOn: "2026-02-01", endsOn: "2026-02-28", frequencyMonths });
      expect(periods).toEqual([{ number: 1, startsOn: "2026-02-01", endsOn: "2026-02-28", dueOn: "2026-03-30", isFinal: true }]);
    }
  });

  it("an award of one day has one final period", () => {
    expect(reportingPeriods({ startsOn: "2026-05-05", endsOn: "2026-05-05", frequencyMonths: 3 })).toEqual([
      { number: 1, startsOn: "2026-05-05", endsOn: "2026-05-05", dueOn: "2026-06-04", isFinal: true },
    ]);
  });

  it("three years: 36 monthly, 12 quarterly, 6 half-yearly, 3 yearly periods", () => {
    const range = { startsOn: "2026-01-01", endsOn: "2028-12-31" };
    for (const [frequencyMonths, count] of [
      [1, 36],
      [3, 12],
      [6, 6],
      [12, 3],
    ] as const) {
      const periods = reportingPeriods({ ...range, frequencyMonths });
      expect(periods).toHaveLength(count);
      expectCovers(periods, range.startsOn, range.endsOn);
    }
  });

  it("a period that does not divide evenly ends with a shorter final period", () => {
    const periods = reportingPeriods({ startsOn: "2026-01-15", endsOn: "2026-09-20", frequencyMonths: 3 });
    expect(periods.map((p) => [p.startsOn, p.endsOn])).toEqual([
      ["2026-01-15", "2026-04-14"],
      ["2026-04-15", "2026-07-14"],
      ["2026-07-15", "2026-09-20"],
    ]);
    expectCovers(periods, "2026-01-15", "2026-09-20");
    // A tail shorter than a month (Jul 15..Aug 10) joins the final period.
    const short = reportingPeriods({ startsOn: "2026-01-15", endsOn: "2026-08-10", frequencyMonths: 3 });
    expect(short.map((p) => [p.startsOn, p.endsOn])).toEqual([
      ["2026-01-15", "2026-04-14"],
      ["2026-04-15", "2026-08-10"],
    ]);
  });

  it("month-end starts (Jan 31) never drift and never leave gaps", () => {
    const monthly = reportingPeriods({ startsOn: "2026-01-31", endsOn: "2026-06-30", frequencyMonths: 1 });
    expect(monthly.map((p) => [p.startsOn, p.endsOn])).toEqual([
      ["2026-01-31", "2026-02-27"],
      ["2026-02-28", "2026-03-30"],
      ["2026-03-31", "2026-04-29"],
      ["2026-04-30", "2026-05-30"],
      // Jun 30 would start a one-day period: it joins the final one.
      ["2026-05-31", "2026-06-30"],
    ]);
    expectCovers(monthly, "2026-01-31", "2026-06-30");
    for (const frequencyMonths of [1, 2, 3, 4, 6, 12]) {
      expectCovers(reportingPeriods({ startsOn: "2027-01-31", endsOn: "2029-02-28", frequencyMonths }), "2027-01-31", "2029-02-28");
      expectCovers(reportingPeriods({ startsOn: "2027-08-31", endsOn: "2028-02-29", frequencyMonths }), "2027-08-31", "2028-02-29");
    }
  });

  it("a boundary on the award's last day does not add a one-day report; a full month does", () => {
    expect(reportingPeriods({ startsOn: "2026-01-01", endsOn: "2026-07-01", frequencyMonths: 6 }).map((p) => [p.startsOn, p.endsOn, p.isFinal])).toEqual([
      ["2026-01-01", "2026-07-01", true],
    ]);
    expect(reportingPeriods({ startsOn: "2026-01-01", endsOn: "2026-07-31", frequencyMonths: 6 }).map((p) => [p.startsOn, p.endsOn, p.isFinal])).toEqual([
      ["2026-01-01", "2026-06-30", false],
      ["2026-07-01", "2026-07-31", true],
    ]);
  });

  it("refuses a reversed period and a frequency outside 1..12", () => {
    expect(() => reportingPeriods({ startsOn: "2026-02-01", endsOn: "2026-01-31", frequencyMonths: 3 })).toThrow(RangeError);
    for (const frequencyMonths of [0, 13, 1.5, -3]) {
      expect(() => reportingPeriods({ startsOn: "2026-01-01", endsOn: "2026-12-31", frequencyMonths })).toThrow(RangeError);
    }
  });
});
