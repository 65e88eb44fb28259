// The program dashboard pages its awards and accepted reports on the server and takes its figures from
// grouped queries per country: on the demo data, every page holds the next rows of the whole list, the
// counts are the lists' lengths, a page past the end shows the last one, and the figures equal those of
// the former rules (per-award figures added up in code, indicator actuals summed over every report).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { execRows } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/queries";
import { isLate } from "@/lib/deliverables/workflow";
import { NotFoundError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { loadUsers, type DeliveryUserKey } from "@/test/delivery-fixtures";
import { getProgramDashboard, getProgramOverview, listProgramGlances } from "./queries";
import type { AcceptedReportSummary, AwardSummary, CountrySummary, DeliverableCounts, IndicatorTotal, ProgramOverview } from "./types";

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

/** Every page of a dashboard list, `pageSize` at a time, as the pages return them. */
async function allPages<Row>(read: (page: number) => Promise<{ rows: Row[]; total: number; page: number; pageCount: number }>) {
  const first = await read(1);
  const rows = [...first.rows];
  for (let page = 2; page <= first.pageCount; page++) {
    const next = await read(page);
    expect(next.page).toBe(page);
    expect(next.total).toBe(first.total);
    rows.push(...next.rows);
  }
  return { rows, total: first.total, pageCount: first.pageCount };
}

/** The former rule: countries and program totals added up in code from each award's figures. */
function summedFromAwards(awardList: AwardSummary[]) {
  const zero = (): DeliverableCounts => ({ total: 0, accepted: 0, onTime: 0, late: 0 });
  const byCountry = new Map<string, CountrySummary>();
  for (const a of awardList) {
    const c = byCountry.get(a.countryIso2) ?? {
      iso2: a.countryIso2,
      nameEn: a.country.nameEn,
      nameEs: a.country.nameEs,
      awards: 0,
      committedMinor: 0,
      disbursedMinor: 0,
      reportedExpenditureMinor: 0,
      deliverables: zero(),
      reportCounts: { accepted: 0, overdue: 0 },
    };
    c.awards += 1;
    c.committedMinor += a.committedMinor;
    c.disbursedMinor += a.disbursedMinor;
    c.reportedExpenditureMinor += a.reportedExpenditureMinor;
    for (const k of ["total", "accepted", "onTime", "late"] as const) c.deliverables[k] += a.deliverables[k];
    c.reportCounts.accepted += a.reportCounts.accepted;
    c.reportCounts.overdue += a.reportCounts.overdue;
    byCountry.set(a.countryIso2, c);
  }
  return [...byCountry.values()].sort((a, b) => a.nameEn.localeCompare(b.nameEn));
}

/** The former per-award deliverable counts: every deliverable row fetched and counted with isLate. */
async function deliverablesCountedInCode(today: string): Promise<Map<string, DeliverableCounts>> {
  const rows = await execRows<{ award_id: string; due_on: string; status: "pending" | "submitted" | "accepted" | "returned" }>(
    db.db,
    sql`SELECT award_id, due_on::text AS due_on, status FROM award_deliverables`,
  );
  const out = new Map<string, DeliverableCounts>();
  for (const d of rows) {
    const c = out.get(d.award_id) ?? { total: 0, accepted: 0, onTime: 0, late: 0 };
    c.total += 1;
    if (d.status === "accepted") c.accepted += 1;
    if (isLate({ dueOn: d.due_on, status: d.status }, today)) c.late += 1;
    else c.onTime += 1;
    out.set(d.award_id, c);
  }
  return out;
}

/** The former indicator totals: actuals summed over every accepted report of every program, then joined. */
async function indicatorsOverAllActuals(programId: string, iso2: string | null): Promise<IndicatorTotal[]> {
  const rows = await execRows<{ key: string; unit: string; name_en: string; name_es: string; baseline: string; target: string; actual: string; awards: number | string }>(
    db.db,
    sql`SELECT i.key, i.unit, i.name_en, i.name_es, sum(ai.baseline)::numeric(20, 2)::text AS baseline, sum(ai.target)::numeric(20, 2)::text AS target,
               COALESCE(sum(acc.total), 0)::numeric(20, 2)::text AS actual, count(*)::int AS awards
          FROM award_indicators ai JOIN indicators i ON i.id = ai.indicator_id JOIN awards a ON a.id = ai.award_id
          LEFT JOIN (SELECT ra.award_indicator_id, sum(ra.value) AS total FROM report_actuals ra JOIN progress_reports pr ON pr.id = ra.report_id
                      WHERE pr.status = 'accepted' GROUP BY ra.award_indicator_id) acc ON acc.award_indicator_id = ai.id
         WHERE a.program_id = ${programId} AND a.status IN ('active', 'completed') ${iso2 ? sql`AND a.country_iso2 = ${iso2}` : sql``}
         GROUP BY i.id, i.key, i.unit, i.name_en, i.name_es ORDER BY i.name_en`,
  );
  return rows.map((r) => ({ key: r.key, unit: r.unit, nameEn: r.name_en, nameEs: r.name_es, baseline: String(r.baseline), target: String(r.target), actual: String(r.actual), awards: Number(r.awards) }));
}

function figuresOf(o: Omit<ProgramOverview, "awards" | "latestReports">) {
  const { program, country, money, countries, indicators, deliverables, reportCounts, asOf } = o;
  return { program, country, money, countries, indicators, deliverables, reportCounts, asOf };
}

describe("getProgramDashboard", () => {
  for (const today of ["2026-06-15", "2027-03-01"]) {
    it(`gives every program and country the former figures, and pages that add up to the whole lists (as of ${today})`, async () => {
      const deliverables = await deliverablesCountedInCode(today);
      let checkedAwards = 0;
      let checkedReports = 0;
      for (const glance of await listProgramGlances(u.officer, { today })) {
        const programId = glance.program.id;
        const whole = await getProgramOverview(u.officer, programId, { today });
        const drillDowns = [null, ...whole.countries.map((c) => c.iso2)];
        for (const iso2 of drillDowns) {
          const country = iso2 ?? undefined;
          const overview = iso2 ? await getProgramOverview(u.officer, programId, { today, country }) : whole;
          const label = `${glance.program.key} ${iso2 ?? "all"}`;

          // The figures, by the former rules.
          expect(overview.countries, label).toEqual(summedFromAwards(overview.awards));
          const sum = (pick: (a: AwardSummary) => number) => overview.awards.reduce((n, a) => n + pick(a), 0);
          expect(overview.money, label).toMatchObject({ committedMinor: sum((a) => a.committedMinor), disbursedMinor: sum((a) => a.disbursedMinor), reportedExpenditureMinor: sum((a) => a.reportedExpenditureMinor) });
          expect(overview.deliverables.total, label).toBe(sum((a) => a.deliverables.total));
          expect(overview.deliverables.late, label).toBe(sum((a) => a.deliverables.late));
          expect(overview.reportCounts, label).toEqual({ accepted: sum((a) => a.reportCounts.accepted), overdue: sum((a) => a.reportCounts.overdue) });
          for (const a of overview.awards) expect(a.deliverables, a.reference).toEqual(deliverables.get(a.id) ?? { total: 0, accepted: 0, onTime: 0, late: 0 });
          expect(overview.indicators, label).toEqual(await indicatorsOverAllActuals(programId, iso2));

          // The page's figures are the overview's; its lists, read a page at a time, are the whole lists.
          const page = (awardsPage: number, reportsPage: number) =>
            getProgramDashboard(u.officer, programId, { today, country, pages: { awards: { page: awardsPage, pageSize: 1 }, reports: { page: reportsPage, pageSize: 2 } } });
          const first = await page(1, 1);
          expect(figuresOf(first), label).toEqual(figuresOf(overview));
          const awardPages = await allPages((n) => page(n, 1).then((d) => d.awards));
          expect(awardPages.rows, label).toEqual(overview.awards);
          expect(awardPages.total, label).toBe(overview.awards.length);
          const reportPages = await allPages((n) => page(1, n).then((d) => d.reports));
          expect(reportPages.total, label).toBe(overview.reportCounts.accepted);
          expect(reportPages.rows.slice(0, 10), label).toEqual(overview.latestReports);
          expect(new Set(reportPages.rows.map((r: AcceptedReportSummary) => r.reportId)).size, label).toBe(reportPages.total);
          checkedAwards += awardPages.total;
          checkedReports += reportPages.total;
        }
      }
      // The demo data must exercise the paging, or the comparison proves little.
      expect(checkedAwards).toBeGreaterThan(3);
      expect(checkedReports).toBeGreaterThan(2);
    });
  }

  it("shows page 2 after page 1, the last page for a page past the end, and 25 awards and 10 reports a page by default", async () => {
    const glances = await listProgramGlances(u.officer);
    const busiest = glances.reduce((a, b) => (b.awards > a.awards ? b : a));
    expect(busiest.awards).toBeGreaterThan(1);
    const programId = busiest.program.id;
    const whole = await getProgramOverview(u.officer, programId);
    const one = { awards: { pageSize: 1 } };
    const second = await getProgramDashboard(u.officer, programId, { pages: { awards: { ...one.awards, page: 2 } } });
    expect(second.awards).toMatchObject({ page: 2, total: whole.awards.length, pageCount: whole.awards.length, pageSize: 1 });
    expect(second.awards.rows).toEqual([whole.awards[1]]);
    const past = await getProgramDashboard(u.officer, programId, { pages: { awards: { page: 10_000, pageSize: 1 }, reports: { page: 10_000 } } });
    expect(past.awards.page).toBe(whole.awards.length);
    expect(past.awards.rows).toEqual([whole.awards.at(-1)]);
    expect(past.reports.page).toBe(past.reports.pageCount);
    expect(past.reports.rows.length).toBeGreaterThan(0);
    const defaults = await getProgramDashboard(u.officer, programId);
    expect([defaults.awards.pageSize, defaults.reports.pageSize, defaults.awards.page]).toEqual([25, 10, 1]);
  });

  it("keeps to the programs the viewer may open, as the overview does", async () => {
    const inl = (await listProgramGlances(u.donorInl)).map((g) => g.program.id);
    const wra = (await listProgramGlances(u.donorWra)).map((g) => g.program.id);
    expect(inl.length).toBeGreaterThan(0);
    for (const id of inl) {
      await expect(getProgramDashboard(u.donorWra, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getProgramDashboard(u.partner, id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await getProgramDashboard(u.donorInl, id)).program.id).toBe(id);
    }
    expect(wra.length).toBeGreaterThan(0);
    await expect(getProgramDashboard(u.donorInl, wra[0], { country: "G1" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProgramDashboard(u.donorWra, wra[0], { country: "ZZ" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
