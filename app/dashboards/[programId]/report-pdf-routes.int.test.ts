// The PDF report route handlers, called as Next.js calls them, against the test database: who gets a
// file, who gets the same plain 404, and that the file holds accepted reports only. Only the session
// lookup is replaced.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { awardIndicators, indicators, programs, progressReports, reportActuals, reportingPeriods } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { createTestDb, type TestDb } from "@/test/db";
import { session } from "@/test/route-session";
import { insertAward, loadUsers, type DeliveryUserKey, type TestAward } from "@/test/delivery-fixtures";
import { readPdf } from "@/test/pdf-reader";
import { todayIso } from "@/lib/dates";

vi.mock("@/lib/auth/current-user", async () => (await import("@/test/route-session")).currentUserMock());

const programRoute = await import("@/app/dashboards/[programId]/report.pdf/route");
const awardRoute = await import("@/app/dashboards/[programId]/awards/[awardId]/report.pdf/route");

// Narratives of reports a donor must never see, and the one it must.
const SECRET = { submitted: "SECRET-SUBMITTED-NARRATIVE", draft: "SECRET-DRAFT-NARRATIVE", returned: "SECRET-RETURNED-NARRATIVE", comment: "SECRET-REVIEW-COMMENT" };
const ACCEPTED = "Accepted narrative: forty firearms marked in Escuintla.";

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
const programIds: Record<string, string> = {};
let merida: TestAward;
let pending: TestAward;
let cbsi: TestAward;
let oas: TestAward;

const HOST = "http://portal.test";
const getProgram = (programId: string, query = "") =>
  programRoute.GET(new Request(`${HOST}/dashboards/${programId}/report.pdf${query}`), { params: Promise.resolve({ programId }) });
const getAward = (programId: string, awardId: string, query = "") =>
  awardRoute.GET(new Request(`${HOST}/dashboards/${programId}/awards/${awardId}/report.pdf${query}`), { params: Promise.resolve({ programId, awardId }) });

async function report(awardId: string, number: number, status: "draft" | "submitted" | "accepted" | "returned", narrative: string, actuals: [string, string][] = []) {
  const start = `2026-${String(number * 3 - 2).padStart(2, "0")}-01`;
  const [period] = await db.db.insert(reportingPeriods).values({ awardId, number, startsOn: start, endsOn: start, dueOn: start }).returning({ id: reportingPeriods.id });
  const reviewed = status === "accepted" || status === "returned";
  const [r] = await db.db
    .insert(progressReports)
    .values({
      awardId,
      periodId: period.id,
      status,
      narrativeEn: narrative,
      narrativeEs: `${narrative} (es)`,
      expenditureToDateMinor: 1_000_000 * number,
      createdById: u.gt.id,
      submittedById: status === "draft" ? null : u.gt.id,
      submittedAt: status === "draft" ? null : new Date("2026-04-01T10:00:00Z"),
      reviewedById: reviewed ? u.officer.id : null,
      reviewedAt: reviewed ? new Date() : null,
      reviewComment: reviewed ? SECRET.comment : null,
    })
    .returning({ id: progressReports.id });
  if (actuals.length > 0) await db.db.insert(reportActuals).values(actuals.map(([awardIndicatorId, value]) => ({ reportId: r.id, awardIndicatorId, value })));
}

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
  for (const p of await db.db.select({ id: programs.id, key: programs.key }).from(programs)) programIds[p.key] = p.id;

  merida = await insertAward(db, u.officer.id, { program: "merida-ca", country: "GT", deliverables: [{ title: "Marking machines installed", dueOn: "2026-03-31", status: "accepted" }] });
  pending = await insertAward(db, u.officer.id, { program: "merida-ca", country: "GT", status: "pending_approval" });
  cbsi = await insertAward(db, u.officer.id, { program: "cbsi", country: "JM", partner: "unlirec" });
  oas = await insertAward(db, u.officer.id, { program: "oas-marking", country: "HN" });

  const [marked] = await db.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.key, "firearms_marked"));
  const [tracked] = await db.db.insert(awardIndicators).values({ awardId: merida.id, indicatorId: marked.id, baseline: "0", target: "1000" }).returning({ id: awardIndicators.id });
  await report(merida.id, 1, "accepted", ACCEPTED, [[tracked.id, "40"]]);
  await report(merida.id, 2, "submitted", SECRET.submitted, [[tracked.id, "500"]]);
  await report(merida.id, 3, "draft", SECRET.draft);
  await report(merida.id, 4, "returned", SECRET.returned);
});

afterAll(async () => {
  await db?.drop();
});

beforeEach(() => {
  session.user = null;
});

async function expectPlain404(response: Response) {
  expect(response.status).toBe(404);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  expect(await response.text()).toBe("Not found");
}

async function pdfOf(response: Response) {
  expect(response.status).toBe(200);
  return readPdf(new Uint8Array(await response.arrayBuffer()));
}

describe("program report route", () => {
  it("gives a donor its program's report as a private PDF download", async () => {
    session.user = u.donorInl;
    const response = await getProgram(programIds["merida-ca"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="merida-ca-progress-report-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const pdf = await pdfOf(response);
    const [program] = await db.db.select({ nameEn: programs.nameEn }).from(programs).where(eq(programs.key, "merida-ca"));
    expect(pdf.text).toContain(program.nameEn.replace(/\s+/g, " "));
    expect(pdf.text).toContain(merida.reference);
    // An award awaiting its second approval is not shown to donors.
    expect(pdf.text).not.toContain(pending.reference);
    for (const secret of Object.values(SECRET)) expect(pdf.text).not.toContain(secret);
    expect(pdf.page(1)).toContain(`Page 1 of ${pdf.pages}`);
  });

  it("answers the same plain 404 for another donor's program, unknown and malformed ids, and no session", async () => {
    session.user = u.donorInl;
    await expectPlain404(await getProgram(programIds["oas-marking"]));
    await expectPlain404(await getProgram("00000000-0000-4000-8000-000000000000"));
    await expectPlain404(await getProgram("not-a-uuid"));
    session.user = u.gt; // a focal point has no dashboards at all
    await expectPlain404(await getProgram(programIds["merida-ca"]));
    session.user = null;
    await expectPlain404(await getProgram(programIds["merida-ca"]));
    // The owner of oas-marking does get it: the 404 above was about who asked.
    session.user = u.donorWra;
    expect((await getProgram(programIds["oas-marking"])).status).toBe(200);
  });

  it("speaks the language asked for, else the reader's own", async () => {
    session.user = u.donorInl;
    const es = await pdfOf(await getProgram(programIds["merida-ca"], "?lang=es"));
    expect(es.text).toContain("Cifras resumidas");
    expect(es.page(1)).toContain(`Página 1 de ${es.pages}`);
    const unknownLang = await pdfOf(await getProgram(programIds["merida-ca"], "?lang=fr"));
    expect(unknownLang.text).toContain("Summary figures");
    session.user = { ...u.donorInl, locale: "es" };
    expect((await pdfOf(await getProgram(programIds["merida-ca"]))).text).toContain("Cifras resumidas");
    expect((await pdfOf(await getProgram(programIds["merida-ca"], "?lang=en"))).text).toContain("Summary figures");
  });
});

describe("award report route", () => {
  it("gives the award's accepted report and figures, never unaccepted reports or review comments", async () => {
    session.user = u.donorInl;
    const response = await getAward(programIds["merida-ca"], merida.id);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${merida.reference}-progress-report-${todayIso()}.pdf"`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const pdf = await pdfOf(response);
    expect(pdf.text).toContain(merida.reference);
    expect(pdf.text).toContain(ACCEPTED);
    // Only the accepted actual counts: 40 of 1,000, not 540.
    expect(pdf.layout).toMatch(/Firearms marked count 0 1,000 40 4 ?%/);
    for (const secret of Object.values(SECRET)) expect(pdf.text).not.toContain(secret);
  });

  it("answers 404 for an award outside the program in the URL, of another donor, pending, unknown, or without a session", async () => {
    session.user = u.donorInl;
    expect((await getAward(programIds.cbsi, cbsi.id)).status).toBe(200);
    await expectPlain404(await getAward(programIds["merida-ca"], cbsi.id)); // INL's, but of another program
    await expectPlain404(await getAward(programIds["oas-marking"], oas.id)); // PM/WRA's
    await expectPlain404(await getAward(programIds["merida-ca"], oas.id));
    await expectPlain404(await getAward(programIds["merida-ca"], pending.id));
    await expectPlain404(await getAward(programIds["merida-ca"], "00000000-0000-4000-8000-000000000000"));
    await expectPlain404(await getAward(programIds["merida-ca"], "AW-2026-0001"));
    await expectPlain404(await getAward("not-a-uuid", merida.id));
    session.user = null;
    await expectPlain404(await getAward(programIds["merida-ca"], merida.id));
  });
});
