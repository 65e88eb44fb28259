import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./config";
import { formatDate, formatMoney, formatNumber } from "./format";

describe("formatting for the locale", () => {
  it("formats money from integer minor units", () => {
    expect(formatMoney(150_000_00, "USD", "en")).toBe("$150,000.00");
    expect(formatMoney(150_000_00, "USD", "es")).toMatch(/150,000\.00/);
    expect(formatMoney(5, "USD", "en")).toBe("$0.05");
  });

  it("formats a currency without minor units correctly", () => {
    // Japanese yen have no minor unit: 1500 minor units are 1,500 yen
    expect(formatMoney(1500, "JPY", "en")).toBe("¥1,500");
  });

  it("formats calendar dates without shifting the day", () => {
    expect(formatDate("2008-12-12", "en")).toBe("December 12, 2008");
    expect(formatDate("2008-12-12", "es")).toBe("12 de diciembre de 2008");
  });

  it("formats numbers", () => {
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });
});

describe("language from the browser", () => {
  it("picks the best supported language", () => {
    expect(localeFromAcceptLanguage("es-GT,es;q=0.9,en;q=0.8")).toBe("es");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("fr")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});
