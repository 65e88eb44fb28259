// Amounts of money: US dollars as people type them ("150,000.50") and integer cents as the database keeps
// them. Plain functions without zod, so that client components use them without loading it; the zod
// field for amounts is in lib/money.ts.
/** The largest amount of one award, tranche or disbursement: USD 100 million, as for a request's cost. */
export const AMOUNT_MAX_MAJOR = 100_000_000;

export const MONEY = /^\d{1,9}(\.\d{1,2})?$/;

/** "150000.5" -> 15000050 (integer cents), exactly, without floating-point rounding. */
export function majorToMinor(amount: string): number {
  const [whole, fraction = ""] = amount.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
}

/** 15000050 -> "150000.50", for putting a stored amount back into the form. */
export function minorToMajor(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

/** An amount as typed, ready to check: numbers as text, spaces around and thousands separators gone. */
export function moneyText(v: unknown): unknown {
  return typeof v === "number" ? String(v) : typeof v === "string" ? v.trim().replace(/,/g, "") : v;
}

/** The sum, in minor units, of the amounts that parse; invalid ones count as zero (the form shows it live). */
export function sumMinor(amounts: readonly unknown[]): number {
  let total = 0;
  for (const a of amounts) {
    const s = typeof a === "string" ? a.trim().replace(/,/g, "") : typeof a === "number" ? String(a) : "";
    if (MONEY.test(s)) total += majorToMinor(s);
  }
  return total;
}
