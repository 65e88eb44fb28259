import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import type { AcceptedReportSummary, AwardSummary, CountrySummary, IndicatorTotal } from "@/lib/dashboards/types";
import { catalogs } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translate";
import { Downloads } from "./program-sections";
import { AwardsTable, CountriesSection, IndicatorsSection, LatestReports } from "./program-tables";
import { excerpt, narrativeIn } from "./text";
import { ProgramGlances } from "./program-glance";
import { ProgramsTable } from "./programs-table";
import type { ProgramGlance } from "@/lib/dashboards/glance";
import { pageOfRows, type Paged } from "@/lib/paging";

const PROGRAM_ID = "7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const AWARD_ID = "6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const links = { basePath: `/dashboards/${PROGRAM_ID}` };
/** A list on one page, as the dashboard query returns it. */
const onePage = <Row,>(rows: Row[]): Paged<Row> => pageOfRows(rows);

function render(locale: "en" | "es", node: (i18n: { t: ReturnType<typeof createTranslator>; locale: "en" | "es" }) => ReactNode) {
  return renderToString(
    <I18nProvider locale={locale} messages={catalogs[locale]}>
      {node({ t: createTranslator(locale), locale })}
    </I18nProvider>,
  );
}

const money = { committedMinor: 10_000_000, disbursedMinor: 6_000_000, reportedExpenditureMinor: 1_500_000 };
const deliverables = { total: 3, accepted: 1, onTime: 2, late: 1 };

const reportCounts = { accepted: 2, overdue: 1 };
const country: CountrySummary = { iso2: "GT", nameEn: "Guatemala", nameEs: "Guatemala", awards: 1, deliverables, reportCounts, ...money };

const report: AcceptedReportSummary = {
  reportId: "r1",
  awardId: AWARD_ID,
  awardReference: "AW-2026-0001",
  countryIso2: "GT",
  country: { nameEn: "Guatemala", nameEs: "Guatemala" },
  periodNumber: 2,
  periodStartsOn: "2026-04-01",
  periodEndsOn: "2026-06-30",
  isFinal: true,
  acceptedAt: "2026-07-10T12:00:00.000Z",
  narrativeEn: "Forty machines delivered to DIGECAM.",
  narrativeEs: null,
};

const award: AwardSummary = {
  id: AWARD_ID,
  reference: "AW-2026-0001",
  titleEn: null,
  titleEs: "Marcaje en Guatemala",
  status: "active",
  countryIso2: "GT",
  country: { nameEn: "Guatemala", nameEs: "Guatemala" },
  partner: { id: "p", nameEn: "Organization of American States", nameEs: "Organización de los Estados Americanos" },
  amountMinor: 10_000_000,
  startsOn: "2026-01-01",
  endsOn: "2027-12-31",
  deliverables,
  reportCounts,
  ...money,
};

describe("program dashboard sections", () => {
  it("links every download the donors rely on, as downloads", () => {
    const html = render("en", ({ t }) => <Downloads programId={PROGRAM_ID} hasAwards t={t} />);
    for (const path of ["report.pdf?lang=en", "report.pdf?lang=es", "export/awards.csv", "export/disbursements.csv", "export/indicator-actuals.csv", "iati.xml"]) {
      expect(html).toContain(`href="/dashboards/${PROGRAM_ID}/${path}" download=""`);
    }
  });

  it("offers no IATI file before the program has a running award (the schema needs one activity), and says why", () => {
    const html = render("es", ({ t }) => <Downloads programId={PROGRAM_ID} hasAwards={false} t={t} />);
    expect(html).not.toContain("iati.xml");
    expect(html).toContain("El archivo de actividad IATI estará disponible cuando el programa tenga una subvención en curso.");
    expect(html).toContain(`href="/dashboards/${PROGRAM_ID}/report.pdf?lang=es"`);
  });

  it("links countries and awards to their drill-downs, with the figures in a table", () => {
    const html = render("en", (i) => (
      <>
        <CountriesSection programId={PROGRAM_ID} countries={[country]} links={links} currency="USD" {...i} />
        <AwardsTable programId={PROGRAM_ID} awards={onePage([award])} links={links} currency="USD" {...i} />
      </>
    ));
    expect(html).toContain(`href="/dashboards/${PROGRAM_ID}/countries/GT"`);
    expect(html).toContain(`href="/dashboards/${PROGRAM_ID}/awards/${AWARD_ID}"`);
    expect(html).toContain("$100,000.00");
    expect(html).toContain("$60,000.00");
    // Deliverables late, then reports overdue, on each country's and award's row.
    expect(html.match(/<td>1 of 3<\/td><td>1<\/td><\/tr>/g)).toHaveLength(2);
    expect(html).toContain('role="img" aria-label="Bar chart of committed and disbursed funds by country.');
    // A title missing in English falls back to the Spanish one.
    expect(html).toContain("Marcaje en Guatemala");
  });

  it("pages each table with its own parameter, keeping the others' pages, and counts the rows in both languages", () => {
    const awards = Array.from({ length: 60 }, (_, n) => ({ ...award, id: `a${n}`, reference: `AW-2026-${String(n + 1).padStart(4, "0")}` }));
    const second: Paged<AwardSummary> = { rows: awards.slice(25, 50), total: 60, page: 2, pageCount: 3, pageSize: 25 };
    const query = { awards: "2", reports: "3" };
    const en = render("en", (i) => <AwardsTable programId={PROGRAM_ID} awards={second} links={{ ...links, query }} currency="USD" {...i} />);
    expect(en).toContain("Showing 26–50 of 60 awards.");
    expect(en).toContain("AW-2026-0026");
    expect(en).not.toContain("AW-2026-0025<");
    expect(en).toContain("Page 2 of 3");
    expect(en).toContain(`href="/dashboards/${PROGRAM_ID}?reports=3#dash-awards"`);
    expect(en).toContain(`href="/dashboards/${PROGRAM_ID}?reports=3&amp;awards=3#dash-awards"`);
    const es = render("es", (i) => <AwardsTable programId={PROGRAM_ID} awards={second} links={{ ...links, query }} currency="USD" {...i} />);
    expect(es).toContain("Se muestran 26–50 de 60 subvenciones.");
    const one = render("es", (i) => <LatestReports programId={PROGRAM_ID} reports={onePage([report])} links={links} counts={reportCounts} {...i} />);
    expect(one).toContain("1 informe aceptado.");
    expect(one).not.toContain("Página 1");

    // Countries: the table a page at a time, in the reader's order.
    const names = Array.from({ length: 30 }, (_, n) => `Country ${String(n).padStart(2, "0")}`);
    const many = names.map((name, n) => ({ ...country, iso2: `C${String.fromCharCode(65 + (n % 26))}${n}`, nameEn: name, nameEs: name }));
    const html = render("en", (i) => <CountriesSection programId={PROGRAM_ID} countries={[...many].reverse()} page={2} links={links} currency="USD" {...i} />);
    expect(html).toContain("Showing 26–30 of 30 countries.");
    const table = html.slice(0, html.indexOf("</table>"));
    expect(table).toContain(">Country 25</a>");
    expect(table).not.toContain(">Country 24</a>");
    expect(html).toContain(`href="/dashboards/${PROGRAM_ID}#dash-countries"`);
  });

  it("gives percent of target, and a dash where there is no target", () => {
    const indicators: IndicatorTotal[] = [
      { key: "firearms_marked", unit: "count", nameEn: "Firearms marked", nameEs: "Armas marcadas", baseline: "0.00", target: "1000.00", actual: "250.00", awards: 2 },
      { key: "records_digitized", unit: "count", nameEn: "Records digitized", nameEs: "Registros digitalizados", baseline: "0.00", target: "0.00", actual: "5.00", awards: 1 },
    ];
    const en = render("en", (i) => <IndicatorsSection indicators={indicators} {...i} />);
    expect(en).toMatch(/Firearms marked<\/th><td>count<\/td><td>0<\/td><td>1,000<\/td><td>250<\/td><td>25%<\/td>/);
    expect(en).toMatch(/Records digitized<\/th><td>count<\/td><td>0<\/td><td>0<\/td><td>5<\/td><td>—<\/td>/);
    const es = render("es", (i) => <IndicatorsSection indicators={indicators} {...i} />);
    expect(es).toContain("Armas marcadas");
    expect(es).toContain("25 %");
  });

  it("shows a report's narrative in the reader's language, else the other one, saying so", () => {
    const es = render("es", (i) => <LatestReports programId={PROGRAM_ID} reports={onePage([report])} links={links} counts={reportCounts} {...i} />);
    expect(es).toContain("Informes vencidos");
    expect(es).toContain("Pasada su fecha límite y no aceptados.");
    expect(es).toContain('<span lang="en">Forty machines delivered to DIGECAM.</span>');
    expect(es).toContain("(disponible solo en inglés)");
    expect(es).toContain("Informe final");
    const en = render("en", (i) => <LatestReports programId={PROGRAM_ID} reports={onePage([report])} links={links} counts={reportCounts} {...i} />);
    expect(en).not.toContain("only available");
    expect(narrativeIn("en", { narrativeEn: " ", narrativeEs: null })).toBeNull();
  });

  it("cuts long narratives at a word boundary", () => {
    const text = `${"word ".repeat(100)}end`;
    const cut = excerpt(text, 50);
    expect(cut.length).toBeLessThanOrEqual(51);
    expect(cut.endsWith("word…")).toBe(true);
    expect(excerpt("short text")).toBe("short text");
  });

  it("puts a program on a card: linked name, funds, headline indicators, deliverables and the latest accepted report", () => {
    const glance: ProgramGlance = {
      program: { id: PROGRAM_ID, key: "merida-ca", nameEn: "Merida Initiative", nameEs: "Iniciativa Mérida", currency: "USD", ceilingMinor: 2_500_000_000, startsOn: "2008-07-01", endsOn: "2027-12-31", isDemoFigures: true, donors: [] },
      money: { ...money, ceilingMinor: 2_500_000_000, remainingMinor: 2_490_000_000 },
      awards: 1,
      countries: 1,
      indicators: [{ key: "firearms_marked", unit: "count", nameEn: "Firearms marked", nameEs: "Armas marcadas", baseline: "0.00", target: "1000.00", actual: "250.00", awards: 1 }],
      indicatorCount: 3,
      deliverables,
      reportCounts,
      latestReport: report,
    };
    const en = render("en", (i) => <ProgramGlances glances={[glance]} {...i} />);
    expect(en).toContain(`href="/dashboards/${PROGRAM_ID}"`);
    expect(en).toContain("Merida Initiative");
    expect(en).toContain("$25,000,000.00");
    expect(en).toContain("$24,900,000.00");
    expect(en).toMatch(/Firearms marked<\/th><td>250<\/td><td>1,000<\/td><td>25%<\/td>/);
    expect(en).toContain("2 on time, 1 late, of 3");
    expect(en).toContain("2 accepted, 1 overdue");
    expect(en).toContain("2 more on the program&#x27;s dashboard.");
    expect(en).toContain("period 2 of AW-2026-0001 (Guatemala), accepted July 10, 2026");
    const es = render("es", (i) => <ProgramGlances glances={[{ ...glance, latestReport: null, deliverables: { total: 0, accepted: 0, onTime: 0, late: 0 } }]} showMoney={false} {...i} />);
    expect(es).toContain("Iniciativa Mérida");
    expect(es).not.toContain("US$25,000,000.00");
    expect(es).not.toContain("25,000,000");
    expect(es).toContain("ninguno definido aún");
    expect(es).toContain("Todavía no se ha aceptado ningún informe de avance.");
  });

  it("lists the programs with their period, awards and funds in their currency, demo figures marked", () => {
    const glance: ProgramGlance = {
      program: { id: PROGRAM_ID, key: "merida-ca", nameEn: "Merida Initiative", nameEs: "Iniciativa Mérida", currency: "USD", ceilingMinor: 2_500_000_000, startsOn: "2008-07-01", endsOn: "2027-12-31", isDemoFigures: true, donors: [] },
      money: { ...money, ceilingMinor: 2_500_000_000, remainingMinor: 2_490_000_000 },
      awards: 4,
      countries: 1,
      indicators: [],
      indicatorCount: 0,
      deliverables,
      reportCounts,
      latestReport: null,
    };
    const en = render("en", (i) => <ProgramsTable glances={[glance]} {...i} />);
    expect(en).toContain(`href="/dashboards/${PROGRAM_ID}">Merida Initiative</a>`);
    expect(en).toContain("Demo figures");
    expect(en).toMatch(/<td>July 1, 2008 – December 31, 2027<\/td><td>4<\/td><td class="nowrap">\$25,000,000.00<\/td><td class="nowrap">\$100,000.00<\/td><td class="nowrap">\$60,000.00<\/td><td class="nowrap"><strong>\$24,900,000.00<\/strong><\/td>/);
    const none = render("es", (i) => <ProgramsTable glances={[]} {...i} />);
    expect(none).not.toContain("<table");
    expect(none).toContain(createTranslator("es")("dashboards.list.empty"));
  });
});
