import { describe, expect, it } from "vitest";
import { majorToMinor, minorToMajor, moneyField, moneyText, sumMinor } from "./money";

const issue = (v: unknown) => {
  const r = moneyField.safeParse(v);
  return r.success ? null : r.error.issues[0].message;
};

describe("majorToMinor and minorToMajor", () => {
  it("converts dollars to integer cents exactly", () => {
    expect(majorToMinor("150000.5")).toBe(15_000_050);
    expect(majorToMinor("150000")).toBe(15_000_000);
    expect(majorToMinor("0.07")).toBe(7);
    expect(majorToMinor("0.29")).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(majorToMinor("99999999.99")).toBe(9_999_999_999);
  });
  it("puts cents back as a dollar amount with two decimals", () => {
    expect(minorToMajor(15_000_050)).toBe("150000.50");
    expect(minorToMajor(7)).toBe("0.07");
    expect(minorToMajor(0)).toBe("0.00");
    expect(majorToMinor(minorToMajor(9_999_999_999))).toBe(9_999_999_999);
  });
});

describe("moneyText", () => {
  it("drops spaces and thousands separators, and writes numbers as text", () => {
    expect(moneyText(" 150,000.50 ")).toBe("150000.50");
    expect(moneyText(12.5)).toBe("12.5");
    expect(moneyText(null)).toBeNull();
  });
});

describe("moneyField", () => {
  it("accepts a positive amount as typed, without separators", () => {
    expect(moneyField.parse("150,000.50")).toBe("150000.50");
    expect(moneyField.parse(250)).toBe("250");
  });
  it("names what is wrong", () => {
    expect(issue("")).toBe("awards.errors.amountRequired");
    expect(issue("-5")).toBe("awards.errors.amountPositive");
    expect(issue("0.00")).toBe("awards.errors.amountPositive");
    expect(issue("12.345")).toBe("awards.errors.money");
    expect(issue("abc")).toBe("awards.errors.money");
    expect(issue("100000000.01")).toBe("awards.errors.amountTooHigh");
    expect(issue("100000000")).toBeNull();
  });
});

describe("sumMinor", () => {
  it("sums amounts in cents, ignoring what does not parse", () => {
    expect(sumMinor(["100000", "50,000.5", "abc", undefined, "-3"])).toBe(15_000_050);
    expect(sumMinor([12.5, " 1 "])).toBe(1_350);
  });
});
