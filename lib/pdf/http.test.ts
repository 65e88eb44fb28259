import { describe, expect, it } from "vitest";
import { reportFilename, reportLocale } from "./http";

describe("reportLocale", () => {
  it("takes ?lang=en|es and otherwise keeps the reader's language", () => {
    expect(reportLocale("http://x/report.pdf?lang=es", "en")).toBe("es");
    expect(reportLocale("http://x/report.pdf?lang=en", "es")).toBe("en");
    for (const query of ["", "?lang=fr", "?lang=ES", "?lang=", "?lang=es-MX", "?lang=%00"]) {
      expect(reportLocale(`http://x/report.pdf${query}`, "es"), query).toBe("es");
    }
  });
});

describe("reportFilename", () => {
  it("names the file after the program key or award reference and the as-of date", () => {
    expect(reportFilename("merida-ca", "2026-09-15")).toBe("merida-ca-progress-report-2026-09-15.pdf");
    expect(reportFilename("AW-2026-0007", "2026-09-15")).toBe("AW-2026-0007-progress-report-2026-09-15.pdf");
  });

  it("never lets a quote, slash or non-ASCII character into the header", () => {
    expect(reportFilename('a"b/c\\dé', "2026-09-15")).toBe("a_b_c_d_-progress-report-2026-09-15.pdf");
  });
});
