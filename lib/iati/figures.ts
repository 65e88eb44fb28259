// Pure date and money arithmetic for the IATI export: budget slices, expenditure increments and the
// decimal forms IATI expects. Dates are calendar dates ("YYYY-MM-DD"), computed in UTC so the
// server's time zone never shifts a day.
import { addDays, addMonthsClamped, daysBetween } from "@/lib/dates";

/** Days from start to end, both included. */
export function daysInclusive(startsOn: string, endsOn: string): number {
  return daysBetween(startsOn, endsOn) + 1;
}

export interface BudgetSlice {
  startsOn: string;
  endsOn: string;
  amountMinor: number;
}

/**
 * The award period cut into consecutive slices of at most one year (IATI refuses longer budget
 * periods), each anchored on the award's start date so the slices never drift; the amount is spread by
 * days, rounded down, with the remainder on the last slice so the slices add up to the amount exactly.
 */
export function budgetSlices(startsOn: string, endsOn: string, amountMinor: number): BudgetSlice[] {
  if (endsOn < startsOn) return [];
  const periods: { startsOn: string; endsOn: string }[] = [];
  for (let year = 0; ; year += 1) {
    const sliceStart = addMonthsClamped(startsOn, 12 * year);
    if (sliceStart > endsOn) break;
    const nextStart = addMonthsClamped(startsOn, 12 * (year + 1));
    const sliceEnd = addDays(nextStart, -1);
    periods.push({ startsOn: sliceStart, endsOn: sliceEnd < endsOn ? sliceEnd : endsOn });
  }
  // BigInt: amount x days can pass 2^53 for large awards over several years.
  const total = BigInt(amountMinor);
  const totalDays = BigInt(daysInclusive(startsOn, endsOn));
  let allotted = BigInt(0);
  return periods.map((p, index) => {
    const isLast = index === periods.length - 1;
    const share = isLast ? total - allotted : (total * BigInt(daysInclusive(p.startsOn, p.endsOn))) / totalDays;
    allotted += share;
    return { ...p, amountMinor: Number(share) };
  });
}

export interface ReportExpenditure {
  periodNumber: number;
  startsOn: string;
  endsOn: string;
  /** Cumulative spending the report states; null when the report gave none. */
  expenditureToDateMinor: number | null;
}

export interface ExpenditureIncrement {
  periodNumber: number;
  startsOn: string;
  endsOn: string;
  amountMinor: number;
}

/**
 * Expenditure transactions from accepted reports (oldest period first): each report adds what it states
 * beyond the highest amount already reported, dated at its period's end. A report stating less (a
 * correction) or the same adds nothing, so the increments never add up to more than was ever reported
 * and, while reports only grow, they add up to the latest report's expenditure to date.
 */
export function expenditureIncrements(reports: readonly ReportExpenditure[]): ExpenditureIncrement[] {
  const out: ExpenditureIncrement[] = [];
  let reported = 0;
  for (const r of [...reports].sort((a, b) => a.periodNumber - b.periodNumber)) {
    if (r.expenditureToDateMinor === null) continue;
    const increase = r.expenditureToDateMinor - reported;
    if (increase <= 0) continue;
    out.push({ periodNumber: r.periodNumber, startsOn: r.startsOn, endsOn: r.endsOn, amountMinor: increase });
    reported = r.expenditureToDateMinor;
  }
  return out;
}

/** Integer minor units as a decimal with two places ("1234.50"), exact for any safe integer. */
export function decimalOfMinor(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount of minor units: ${minor}`);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A numeric column's text ("150.00", "12.50") in its shortest exact form ("150", "12.5"). */
export function plainDecimal(value: string | number): string {
  const text = String(value).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`not a decimal number: ${text}`);
  if (!text.includes(".")) return text.replace(/^(-?)0+(?=\d)/, "$1");
  const trimmed = text.replace(/0+$/, "").replace(/\.$/, "");
  return trimmed.replace(/^(-?)0+(?=\d)/, "$1");
}
