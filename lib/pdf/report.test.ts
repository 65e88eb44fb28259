// The PDF reports rendered from fixtures and read back with poppler (pdftotext, pdfinfo): what a donor
// sees in the file, in English and Spanish, on every page.
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/config";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import { awardOverviewFixture, emptyProgramOverviewFixture, largeProgramOverviewFixture, programOverviewFixture } from "@/test/pdf-fixtures";
import { programReportOf } from "@/lib/dashboards/report";
import { excerpt } from "./format";
import { renderAwardReport, renderProgramReport } from "./render";
import { readPdf, type ReadPdf } from "@/test/pdf-reader";

/** An indicator figure as the dashboards print it. */
const quantity = (value: number, locale: Locale) => formatNumber(value, locale, { maximumFractionDigits: 2 });
/** Money as the dashboards print it; Intl's no-break space reads back from the PDF as a plain one. */
const money = (minor: number, locale: Locale) => formatMoney(minor, "USD", locale).replace(/\s/g, " ");

function expectEveryPageNumbered(pdf: ReadPdf, locale: Locale) {
  expect(pdf.pages).toBeGreaterThan(1);
  for (let n = 1; n <= pdf.pages; n++) {
    expect(pdf.page(n), `page ${n}`).toContain(locale === "es" ? `Página ${n} de ${pdf.pages}` : `Page ${n} of ${pdf.pages}`);
  }
}

describe("program report", () => {
  it("prints the program, its figures, indicators and countries in English, with every page numbered", async () => {
    const overview = programOverviewFixture();
    const pdf = readPdf(await renderProgramReport(overview, "en"));
    expect(pdf.info).toMatch(/Title:\s+Mérida Initiative/);
    expect(pdf.text).toContain(overview.program.nameEn);
    expect(pdf.text).toContain(overview.program.donors[0].nameEn);
    expect(pdf.text).toContain("Figures as of September 15, 2026");
    expect(pdf.text).toContain("Demo figures");
    for (const figure of [overview.money.ceilingMinor, overview.money.committedMinor, overview.money.disbursedMinor, overview.money.reportedExpenditureMinor, overview.money.remainingMinor]) {
      expect(pdf.text).toContain(money(figure, "en"));
    }
    // Indicator figures exactly as on screen: separators, at most two decimals, percent of target.
    expect(pdf.text).toContain("Firearms marked count");
    expect(pdf.layout).toMatch(new RegExp(`${quantity(1200, "en")} ${quantity(25000, "en")} ${quantity(13456, "en")} 53\\.8 %`));
    expect(pdf.layout).toMatch(/0 87\.5 42\.25 48\.3 %/);
    expect(pdf.text).toContain("13,456");
    for (const c of overview.countries) expect(pdf.text).toContain(c.nameEn);
    for (const a of overview.awards) expect(pdf.text).toContain(a.reference);
    expect(pdf.text).toContain("By country");
    expect(pdf.text).toContain("Financials");
    expect(pdf.text).not.toContain("Cifras resumidas");
    const { accepted, overdue } = overview.reportCounts;
    expect(overdue).toBeGreaterThan(0);
    expect(pdf.text).toContain(`${accepted} accepted, ${overdue} overdue`);
    expectEveryPageNumbered(pdf, "en");
  });

  it("is written in Spanish, with Spanish names, headings and page numbers", async () => {
    const overview = programOverviewFixture();
    const pdf = readPdf(await renderProgramReport(overview, "es"));
    expect(pdf.text).toContain(overview.program.nameEs);
    expect(pdf.text).toContain("Cifras al 15 de septiembre de 2026");
    for (const heading of ["Cifras resumidas", "Indicadores", "Por país", "Productos", "Finanzas"]) expect(pdf.text).toContain(heading);
    for (const english of ["Summary figures", "By country", "Financials", "Page 1"]) expect(pdf.text).not.toContain(english);
    expect(pdf.text).toContain("Armas de fuego marcadas");
    expect(pdf.text).toContain(`${overview.reportCounts.accepted} aceptados, ${overview.reportCounts.overdue} vencidos`);
    expect(pdf.layout).toMatch(new RegExp(`${quantity(1200, "es")} ${quantity(25000, "es")} ${quantity(13456, "es")} 53\\.8 %`));
    for (const name of ["Guatemala", "Panamá", "República Dominicana"]) expect(pdf.text).toContain(name);
    expectEveryPageNumbered(pdf, "es");
  });

  it("quotes each country's latest accepted report in the reader's language, falling back to the other", async () => {
    const overview = programOverviewFixture();
    const en = readPdf(await renderProgramReport(overview, "en"));
    expect(en.text).toContain("During the period the national police armoury in Quetzaltenango");
    // Panama's report has a Spanish narrative only: English readers get it rather than nothing.
    expect(en.text).toContain("Sólo hay narrativa en español");
    // The Dominican Republic has no accepted report among the latest.
    expect(en.text).toContain("No recent accepted report for this country.");
    const es = readPdf(await renderProgramReport(overview, "es"));
    expect(es.text).toContain("Durante el período, el arsenal de la policía nacional");
    expect(es.text).not.toContain("During the period");
  });

  it("lists the awards with late deliverables only, and none when nothing is late", async () => {
    const overview = programOverviewFixture();
    const pdf = readPdf(await renderProgramReport(overview, "en"));
    const late = pdf.layout.slice(pdf.layout.indexOf("Awards with late deliverables"), pdf.layout.indexOf("Financials"));
    expect(late).toContain("AW-2026-0003 Dominican Republic 4 1 2 2");
    expect(late).not.toContain("AW-2026-0001 Guatemala");

    const onTime = programOverviewFixture();
    onTime.awards = onTime.awards.map((a) => ({ ...a, deliverables: { ...a.deliverables, onTime: a.deliverables.total, late: 0 } }));
    expect(readPdf(await renderProgramReport(onTime, "en")).text).toContain("No deliverable is late.");
  });

  it("renders a program without awards as a valid PDF that says so", async () => {
    const pdf = readPdf(await renderProgramReport(emptyProgramOverviewFixture(), "en"));
    expect(pdf.pages).toBe(2);
    expect(pdf.text).toContain("This program has no awards yet");
    expect(pdf.text).toContain("No indicator is tracked yet.");
    expect(pdf.text).not.toContain("Demo figures");
    expectEveryPageNumbered(pdf, "en");
    expect(readPdf(await renderProgramReport(emptyProgramOverviewFixture(), "es")).text).toContain("Este programa aún no tiene subvenciones");
  });

  it("flows a 100-award program over many pages, each with its footer, with every award in the figures and the 50 largest listed", async () => {
    const overview = largeProgramOverviewFixture(100);
    const pdf = readPdf(await renderProgramReport(overview, "es"));
    expect(pdf.pages).toBeGreaterThan(4);
    expectEveryPageNumbered(pdf, "es");
    const largest = [...overview.awards].sort((a, b) => b.committedMinor - a.committedMinor).slice(0, 50);
    for (const a of largest) expect(pdf.text).toContain(a.reference);
    for (const c of overview.countries) expect(pdf.text).toContain(c.nameEs);
    expect(pdf.text).toContain(money(overview.money.committedMinor, "es"));
  });

  it("lists the 50 largest of a program's awards and the 25 most late, and says how many of how many, in English and Spanish", async () => {
    const overview = largeProgramOverviewFixture(120);
    // The fixture's amounts grow with the award number: AW-2026-0071 to 0120 are the 50 largest.
    const listed = overview.awards.slice(70);
    const share = (locale: Locale) => `${formatNumber((listed.reduce((s, a) => s + a.committedMinor, 0) / overview.money.committedMinor) * 100, locale, { maximumFractionDigits: 1 })} %`;
    const late = overview.awards.filter((a) => a.deliverables.late > 0);
    expect(late.length).toBe(40);

    const en = readPdf(await renderProgramReport(overview, "en"));
    expect(en.text).toContain("Largest awards");
    expect(en.text).toContain(`50 of 120 awards are listed: the largest by committed amount, ${share("en")} of the total committed.`);
    expect(en.text).toContain("70 other awards are summarised in the figures by country.");
    expect(en.text).toContain("25 of 40 awards with late deliverables are listed: those with the most late deliverables first.");
    for (const a of listed) expect(en.text).toContain(a.reference);
    // Neither among the largest, nor late, nor quoted as a country's latest report: not named at all.
    expect(en.text).not.toContain("AW-2026-0070");
    // Every award is still counted: the summary and the country table add up to all 120.
    expect(en.layout).toMatch(new RegExp(`Total 120 ${money(overview.money.committedMinor, "en").replace(/[$.]/g, "\\$&")}`));

    const es = readPdf(await renderProgramReport(overview, "es"));
    expect(es.text).toContain("Subvenciones de mayor monto");
    expect(es.text).toContain(`Se listan 50 de 120 subvenciones: las de mayor monto comprometido, ${share("es")} del total comprometido.`);
    expect(es.text).toContain("Otras 70 subvenciones se resumen en las cifras por país.");
    expect(es.text).toContain("Se listan 25 de 40 subvenciones con productos atrasados: primero las que tienen más productos atrasados.");
    expect(es.text).not.toContain("Largest awards");
  });

  it("says so in the singular when one award is left out of the list", async () => {
    const report = programReportOf(programOverviewFixture(), { awards: 2, late: 1 });
    expect(report.awardCount).toBe(3);
    const en = readPdf(await renderProgramReport(report, "en"));
    expect(en.text).toContain("2 of 3 awards are listed");
    expect(en.text).toContain("1 other award is summarised in the figures by country.");
    const es = readPdf(await renderProgramReport(report, "es"));
    expect(es.text).toContain("Se listan 2 de 3 subvenciones");
    expect(es.text).toContain("1 subvención más se resume en las cifras por país.");
  });

  it("lists every award, with their total, when there are no more than the report lists", async () => {
    const overview = programOverviewFixture();
    const pdf = readPdf(await renderProgramReport(overview, "en"));
    expect(pdf.text).not.toContain("Largest awards");
    expect(pdf.text).not.toContain("are listed");
    expect(pdf.text).not.toContain("summarised");
  });
});

describe("award report", () => {
  it("prints the award, its indicators, tranches, deliverables, equipment and accepted reports in English", async () => {
    const overview = awardOverviewFixture();
    const pdf = readPdf(await renderAwardReport(overview, "en"));
    expect(pdf.text).toContain(overview.award.titleEn!);
    expect(pdf.text).toContain(`Award ${overview.award.reference}`);
    expect(pdf.text).toContain(overview.program.nameEn);
    expect(pdf.text).toContain("Panama");
    expect(pdf.layout).toMatch(new RegExp(`Firearms marked count 150 ${quantity(5000, "en")} ${quantity(3210.5, "en")} 64\\.2 %`));
    // No target: no percent, rather than a division by zero.
    expect(pdf.layout).toMatch(/Weapons destroyed count 0 0 0 —/);
    expect(pdf.text).toContain("Tranche 1");
    expect(pdf.text).toContain("Not yet");
    expect(pdf.text).toContain("Capacitación de técnicos del Ministerio de Seguridad Pública");
    expect(pdf.layout).toMatch(/Submitted Late/);
    expect(pdf.text).toContain("Laser marking machine");
    expect(pdf.text).toContain("August 20, 2026: In use as intended");
    expect(pdf.text).toContain("Period 1: January 1, 2026 to March 31, 2026");
    expect(pdf.text).toContain("Training of 15 técnicos took place in Colón.");
    expect(pdf.text).toContain(`${overview.award.reportCounts.accepted} accepted, ${overview.award.reportCounts.overdue} overdue`);
    expectEveryPageNumbered(pdf, "en");
  });

  it("is written in Spanish", async () => {
    const overview = awardOverviewFixture();
    const pdf = readPdf(await renderAwardReport(overview, "es"));
    expect(pdf.text).toContain(overview.award.titleEs!);
    expect(pdf.text).toContain(`Subvención ${overview.award.reference}`);
    for (const heading of ["Cifras resumidas", "Indicadores", "Tramos y desembolsos", "Productos", "Equipos", "Informes de avance aceptados"]) expect(pdf.text).toContain(heading);
    expect(pdf.layout).toMatch(/Presentado Atrasado/);
    expect(pdf.text).toContain("20 de agosto de 2026: En uso según lo previsto");
    expect(pdf.text).toContain("Panamá");
    expect(pdf.text).not.toContain("Summary figures");
    // Each count agrees with its own number: one late deliverable, two accepted reports, one overdue.
    expect(overview.award.deliverables.late).toBe(1);
    expect(overview.award.reportCounts).toEqual({ accepted: 2, overdue: 1 });
    expect(pdf.text).toContain("3 (2 a tiempo, 1 atrasado)");
    expect(pdf.text).toContain("2 aceptados, 1 vencido");
    expect(pdf.text).not.toMatch(/\b1 (atrasados|aceptados|vencidos)\b/);
    expectEveryPageNumbered(pdf, "es");
  });

  it("says so when the award has nothing yet to show", async () => {
    const overview = { ...awardOverviewFixture(), indicators: [], tranches: [], deliverables: [], equipment: [], reports: [] };
    const pdf = readPdf(await renderAwardReport(overview, "en"));
    for (const line of ["No indicator is tracked yet.", "No tranche is planned.", "No deliverable is recorded yet.", "No equipment is recorded.", "No progress report has been accepted yet."]) {
      expect(pdf.text).toContain(line);
    }
  });
});

describe("excerpt", () => {
  it("cuts long narratives at a word boundary and marks the cut", () => {
    const text = "palabra ".repeat(200);
    const cut = excerpt(text, 100);
    expect(cut.length).toBeLessThanOrEqual(101);
    expect(cut.endsWith("palabra…")).toBe(true);
    expect(excerpt("  short\n\ntext ")).toBe("short text");
  });
});
