// The donor downloads stream (the three CSVs, the IATI file): byte for byte the files main built as one
// string (test/whole-file-exports.ts), in both languages, whatever the size of the batches they are read
// in; and a failure once the file has started cuts the download off rather than answering an error page.
// On the demo programs, one of which gets awards of its own here so that batches have something to split:
// countries out of reference order (awards.csv is sorted by country), disbursements, accepted and
// unaccepted reports, breakdowns, hostile and Spanish-only titles.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { awardIndicators, awards, disbursements, indicators, programs, progressReports, reportActuals, reportingPeriods } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { EXPORT_FILES, streamProgramCsv } from "@/lib/exports/queries";
import { streamProgramIati } from "@/lib/iati/queries";
import { createTestDb, type TestDb } from "@/test/db";
import { insertAward, loadUsers, type DeliveryUserKey } from "@/test/delivery-fixtures";
import { session } from "@/test/route-session";
import { wholeProgramCsv, wholeProgramIati } from "@/test/whole-file-exports";

vi.mock("@/lib/auth/current-user", async () => (await import("@/test/route-session")).currentUserMock());
vi.mock("@/lib/i18n/server", async () => (await import("@/test/route-session")).i18nServerMock());

const { GET: getCsv } = await import("@/app/dashboards/[programId]/export/[file]/route");
const { GET: getIati } = await import("@/app/dashboards/[programId]/iati.xml/route");

const DEMO_PROGRAMS = ["merida-ca", "cbsi", "oas-marking", "unlirec-caribbean-stockpile"] as const;
const TODAY = "2026-11-28";
const NOW = new Date("2026-11-28T09:00:00Z");
// Batches of one and two awards against the default (a few hundred: the whole demo program in one).
const BATCH_SIZES = [undefined, 1, 2] as const;

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
const programId: Record<string, string> = {};
let meridaAwards = 0;

/** Every chunk of a stream, and their bytes together. */
async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<{ chunks: number; bytes: Buffer }> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return { chunks: parts.length, bytes: Buffer.concat(parts) };
}

function expectSameBytes(streamed: Buffer, whole: string, what: string) {
  // Text first, for a readable difference; then the bytes themselves (the BOM included).
  expect(new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(streamed), what).toBe(whole);
  expect(streamed.equals(Buffer.from(whole, "utf8")), what).toBe(true);
}

beforeAll(async () => {
  delete process.env.IATI_REPORTING_ORG_REF;
  db = await createTestDb();
  u = await loadUsers(db);
  for (const p of await db.db.select({ id: programs.id, key: programs.key }).from(programs)) programId[p.key] = p.id;

  const [marked] = await db.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.key, "firearms_marked"));
  const [trained] = await db.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.key, "officers_trained"));
  // References grow with each insert; the countries do not, so the awards file's order differs from theirs.
  const countriesInOrder = ["SV", "GT", "PA", "GT", "HN", "CR", "GT"];
  for (const [i, country] of countriesInOrder.entries()) {
    const award = await insertAward(db, u.officer.id, { country, status: i === 4 ? "completed" : "active", startsOn: i === 2 ? "2025-07-01" : "2026-01-01", endsOn: "2028-06-30" });
    if (i === 1) await db.db.update(awards).set({ titleEn: '=HYPERLINK("http://evil") & <kits>', titleEs: null }).where(eq(awards.id, award.id));
    if (i === 3) await db.db.update(awards).set({ titleEn: null, titleEs: "Destrucción de arsenales, año 2026" }).where(eq(awards.id, award.id));
    if (i % 2 === 0) {
      await db.db.insert(disbursements).values([
        { trancheId: award.tranches[0], amountMinor: 6_000_000 - i, disbursedOn: "2026-02-10", recordedById: u.officer.id },
        ...(i === 0 ? [{ trancheId: award.tranches[1], amountMinor: 1_234_567, disbursedOn: "2026-09-03", recordedById: u.officer.id }] : []),
      ]);
    }
    if (i === 5) continue;
    const tracked = await db.db
      .insert(awardIndicators)
      .values([
        { awardId: award.id, indicatorId: marked.id, baseline: "10", target: "5000" },
        { awardId: award.id, indicatorId: trained.id, baseline: "0", target: "120" },
      ])
      .returning({ id: awardIndicators.id });
    const periods = await db.db
      .insert(reportingPeriods)
      .values([
        { awardId: award.id, number: 1, startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-30" },
        { awardId: award.id, number: 2, startsOn: "2026-04-01", endsOn: "2026-06-30", dueOn: "2026-07-30" },
        { awardId: award.id, number: 3, startsOn: "2026-07-01", endsOn: "2026-09-30", dueOn: "2026-10-30" },
      ])
      .returning({ id: reportingPeriods.id, number: reportingPeriods.number });
    const statuses = ["accepted", "accepted", "submitted"] as const;
    for (const period of periods) {
      const status = statuses[period.number - 1];
      const [report] = await db.db
        .insert(progressReports)
        .values({
          awardId: award.id,
          periodId: period.id,
          status,
          createdById: u.partner.id,
          expenditureToDateMinor: 1_000_000 * period.number + i,
          reviewedAt: status === "accepted" ? new Date(`2026-0${3 + period.number * 3}-20T23:30:00Z`) : null,
        })
        .returning({ id: progressReports.id });
      await db.db.insert(reportActuals).values([
        {
          reportId: report.id,
          awardIndicatorId: tracked[0].id,
          value: String(100 * period.number + i) + ".5",
          breakdown: [
            { dimension: "agency", label: "@PNC", value: 10 * period.number },
            { dimension: "other", label: 'Sección "B", =1', value: i },
          ],
        },
        { reportId: report.id, awardIndicatorId: tracked[1].id, value: String(period.number * 7) },
      ]);
    }
  }
  await insertAward(db, u.officer.id, { country: "GT", status: "pending_approval" });
  [{ count: meridaAwards }] = await db.db
    .select({ count: sql<number>`count(*)::int` })
    .from(awards)
    .where(sql`${awards.programId} = ${programId["merida-ca"]} AND ${awards.status} IN ('active', 'completed')`);
});
afterAll(async () => {
  await db?.drop();
});

describe("the CSV files", () => {
  it.each(DEMO_PROGRAMS)("of %s stream the same bytes as the one-string file, in both languages, whatever the batch size", async (key) => {
    for (const file of EXPORT_FILES) {
      for (const locale of ["en", "es"] as const) {
        const whole = await wholeProgramCsv(u.officer, programId[key], file, locale, { today: TODAY });
        for (const batchSize of BATCH_SIZES) {
          const what = `${file} ${locale} batches of ${batchSize ?? "default"}`;
          const { filename, stream } = await streamProgramCsv(u.officer, programId[key], file, locale, { today: TODAY, batchSize });
          expect(filename, what).toBe(whole.filename);
          const { chunks, bytes } = await chunksOf(stream);
          expectSameBytes(bytes, whole.body, what);
          // One award per batch means one piece per award with rows, after the header's.
          if (key === "merida-ca" && batchSize === 1 && file === "awards") expect(chunks, what).toBe(meridaAwards + 1);
        }
      }
    }
  });

  it("are the ones with the fixtures in them, so the comparison has rows to compare", async () => {
    expect(meridaAwards).toBeGreaterThanOrEqual(8);
    const lines = async (file: (typeof EXPORT_FILES)[number]) => (await wholeProgramCsv(u.officer, programId["merida-ca"], file, "en", { today: TODAY })).body.split("\r\n").length;
    expect(await lines("awards")).toBeGreaterThan(meridaAwards);
    expect(await lines("disbursements")).toBeGreaterThan(5);
    expect(await lines("indicator-actuals")).toBeGreaterThan(20);
  });

  it("give the funding donor the same bytes as the program office", async () => {
    for (const file of EXPORT_FILES) {
      const whole = await wholeProgramCsv(u.officer, programId["merida-ca"], file, "es", { today: TODAY });
      const { bytes } = await chunksOf((await streamProgramCsv(u.donorInl, programId["merida-ca"], file, "es", { today: TODAY, batchSize: 2 })).stream);
      expectSameBytes(bytes, whole.body, file);
    }
  });
});

describe("the IATI file", () => {
  it.each(DEMO_PROGRAMS)("of %s streams the same bytes as the one-string file, whatever the batch size", async (key) => {
    const whole = await wholeProgramIati(u.officer, programId[key], { now: NOW });
    for (const batchSize of BATCH_SIZES) {
      const { filename, stream } = await streamProgramIati(u.officer, programId[key], { now: NOW, batchSize });
      expect(filename).toBe(whole.filename);
      const { chunks, bytes } = await chunksOf(stream);
      expectSameBytes(bytes, whole.xml, `batches of ${batchSize ?? "default"}`);
      // The root's start, one piece per award, the root's end.
      if (key === "merida-ca" && batchSize === 1) expect(chunks).toBe(meridaAwards + 2);
    }
  });

  it("gives the funding donor the same bytes as the program office", async () => {
    const whole = await wholeProgramIati(u.officer, programId["merida-ca"], { now: NOW });
    const { bytes } = await chunksOf((await streamProgramIati(u.donorInl, programId["merida-ca"], { now: NOW, batchSize: 2 })).stream);
    expectSameBytes(bytes, whole.xml, "donor");
  });
});

describe("a failure once the file has started", () => {
  // The batches read disbursements (money, the disbursements file, IATI transactions); taking the table
  // away after the headers are sent is a real database error in the middle of the file.
  async function withDisbursementsGone<T>(run: () => Promise<T>): Promise<T> {
    await db.db.execute(sql`ALTER TABLE disbursements RENAME TO disbursements_unavailable`);
    try {
      return await run();
    } finally {
      await db.db.execute(sql`ALTER TABLE disbursements_unavailable RENAME TO disbursements`);
    }
  }

  const downloads = [
    { name: "awards.csv", get: (id: string) => getCsv(new Request(`http://portal.test/dashboards/${id}/export/awards.csv`), { params: Promise.resolve({ programId: id, file: "awards.csv" }) }), start: "\uFEFFReference," },
    { name: "iati.xml", get: (id: string) => getIati(new Request(`http://portal.test/dashboards/${id}/iati.xml`), { params: Promise.resolve({ programId: id }) }), start: '<?xml version="1.0"' },
  ];

  it.each(downloads)("cuts $name off after its start instead of answering an error page (the status is already 200)", async ({ get, start }) => {
    session.user = u.donorInl;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await get(programId["merida-ca"]);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="merida-ca-/);
      const received: string[] = [];
      const failure = await withDisbursementsGone(async () => {
        const reader = res.body!.getReader();
        try {
          for (let r = await reader.read(); !r.done; r = await reader.read()) received.push(new TextDecoder("utf-8", { ignoreBOM: true }).decode(r.value));
          return null;
        } catch (error) {
          return error;
        }
      });
      // The reader sees an error, not an end: a client never takes the cut-off file for a whole one.
      expect(failure).toBeInstanceOf(Error);
      expect(received.join("")).toMatch(new RegExp(`^${start.replace(/[.?]/g, "\\$&")}`));
      expect(received.join("")).not.toMatch(/Internal Server Error|Something went wrong/);
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      session.user = null;
    }
    // And the next download, with the database back, is whole again.
    session.user = u.donorInl;
    const again = await get(programId["merida-ca"]);
    expect(again.status).toBe(200);
    expect((await chunksOf(again.body!)).bytes.byteLength).toBeGreaterThan(1000);
    session.user = null;
  });
});
