import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, sql } from "drizzle-orm";
import { execRows } from "@/db/client";
import {
  auditEvents,
  awardDeliverables,
  awardIndicators,
  awards,
  awardTranches,
  disbursements,
  indicators,
  organizations,
  outbox,
  programs,
  progressReports,
  reportActuals,
  reportDeliverableUpdates,
  reportingPeriods,
  users,
} from "@/db/schema";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { reportingPeriods as calendarOf } from "./calendar";
import { decideReport, ensureReportingCalendar, saveReport, setAwardIndicators, setReportingFrequency } from "./mutations";
import { getAwardReporting, getPeriodReport, getProgramMoney, getReport, listOverdue } from "./queries";
import { backfillReportingCalendars } from "@/db/backfill";
import { addMonthsClamped, todayIso } from "@/lib/dates";

let db: TestDb;
const u: Record<string, CurrentUser> = {};
const ctx = { ip: "203.0.113.9", userAgent: "vitest", baseUrl: "http://portal.test" };
const ids = { meridaCa: "", cbsi: "", oas: "", unlirec: "", marked: "", trained: "", destroyed: "" };

const EMAILS = {
  gt: "focal.gt@example.org",
  jm: "focal.jm@example.org",
  partner: "partner.oas@example.org",
  officer: "officer@example.org",
  reviewer: "reviewer@example.org",
  approver: "approver@example.org",
  donorInl: "donor.inl@example.org",
  admin: "admin@example.org",
};

const today = todayIso();
/** Seven months ago: quarter 1 is past due, quarter 2 has ended, quarter 3 is running. */
const started = addMonthsClamped(today, -7);
let awardSeq = 0;

interface TestAward {
  id: string;
  tracked: { marked: string; trained: string };
  deliverableId: string;
}

/**
 * An active award inserted directly (its creation is tested in lib/awards), with two indicators, a
 * deliverable and its reporting calendar, as its activation builds it (unless `calendar` is false: an
 * award from before calendars came with the award).
 */
async function makeAward(options: {
  program: string;
  partner: string;
  country: string;
  amountMinor?: number;
  startsOn?: string;
  endsOn?: string;
  calendar?: boolean;
}): Promise<TestAward> {
  awardSeq += 1;
  const [award] = await db.db
    .insert(awards)
    .values({
      reference: `AW-TEST-R${String(awardSeq).padStart(3, "0")}`,
      programId: options.program,
      implementingPartnerId: options.partner,
      countryIso2: options.country,
      titleEn: "Marking and destruction",
      amountMinor: options.amountMinor ?? 10_000_000,
      currency: "USD",
      startsOn: options.startsOn ?? started,
      endsOn: options.endsOn ?? addMonthsClamped(started, 24),
      status: "active",
      createdById: u.officer.id,
    })
    .returning({ id: awards.id });
  if (options.calendar !== false) await ensureReportingCalendar(u.officer, award.id);
  await setAwardIndicators(
    u.officer,
    {
      awardId: award.id,
      indicators: [
        { indicatorId: ids.marked, baseline: "0", target: "1000" },
        { indicatorId: ids.trained, baseline: "10", target: "200" },
      ],
    },
    ctx,
  );
  const tracked = await db.db.select().from(awardIndicators).where(eq(awardIndicators.awardId, award.id));
  const [deliverable] = await db.db.insert(awardDeliverables).values({ awardId: award.id, title: "Machines installed", dueOn: addMonthsClamped(started, 6) }).returning({ id: awardDeliverables.id });
  return {
    id: award.id,
    tracked: {
      marked: tracked.find((t) => t.indicatorId === ids.marked)!.id,
      trained: tracked.find((t) => t.indicatorId === ids.trained)!.id,
    },
    deliverableId: deliverable.id,
  };
}

function goodReport(a: TestAward, overrides: Record<string, unknown> = {}) {
  return {
    narrativeEs: "Se marcaron 120 armas en la PNC y se capacitó a 15 oficiales.",
    expenditureToDate: "25000.50",
    actuals: [
      {
        awardIndicatorId: a.tracked.marked,
        value: "120",
        breakdown: [
          { dimension: "agency", label: "PNC", value: "100" },
          { dimension: "agency", label: "DIGECAM", value: "20" },
        ],
      },
      { awardIndicatorId: a.tracked.trained, value: "15" },
    ],
    deliverableUpdates: [{ deliverableId: a.deliverableId, note: "Two machines delivered, installation pending." }],
    ...overrides,
  };
}

function keysOf(error: unknown): { fields: Record<string, string>; form?: string } {
  expect(error).toBeInstanceOf(ValidationError);
  const e = error as ValidationError;
  return { fields: Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [k, v.key])), form: e.formError?.key };
}

/** Everything a refused call must leave as it was. */
async function snapshot() {
  const [counts] = await execRows<Record<string, number>>(
    db.db,
    sql`SELECT (SELECT count(*)::int FROM progress_reports) AS reports,
               (SELECT count(*)::int FROM report_actuals) AS actuals,
               (SELECT count(*)::int FROM report_deliverable_updates) AS notes,
               (SELECT count(*)::int FROM award_indicators) AS indicators,
               (SELECT count(*)::int FROM audit_events WHERE outcome = 'success') AS audit,
               (SELECT count(*)::int FROM outbox) AS outbox`,
  );
  const reports = await db.db.select().from(progressReports).orderBy(progressReports.id);
  return { counts, reports: reports.map((r) => ({ id: r.id, status: r.status, version: r.version, narrativeEs: r.narrativeEs, expenditure: r.expenditureToDateMinor })) };
}

async function reportRow(awardId: string, number: number) {
  const [row] = await db.db
    .select({ report: progressReports })
    .from(progressReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .where(and(eq(progressReports.awardId, awardId), eq(reportingPeriods.number, number)));
  return row?.report;
}

async function mailsFor(awardId: string, number: number) {
  return db.db
    .select({ template: outbox.template, to: outbox.toEmail, locale: outbox.locale, payload: outbox.payload })
    .from(outbox)
    .where(sql`${outbox.payload}->>'url' = ${`http://portal.test/awards/${awardId}/reports/${number}`}`);
}

let gtAward: TestAward; // merida-ca (funded by INL), implemented by the OAS, in Guatemala
let jmAward: TestAward; // cbsi (funded by INL), implemented by UNLIREC, in Jamaica

beforeAll(async () => {
  db = await createTestDb();
  for (const [key, email] of Object.entries(EMAILS)) {
    const [user] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    u[key] = (await loadActiveUser(user.id))!;
  }
  const programId = async (key: string) => (await db.db.select({ id: programs.id }).from(programs).where(eq(programs.key, key)))[0].id;
  const orgId = async (key: string) => (await db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, key)))[0].id;
  const indicatorId = async (key: string) => (await db.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.key, key)))[0].id;
  ids.meridaCa = await programId("merida-ca");
  ids.cbsi = await programId("cbsi");
  ids.oas = await orgId("oas");
  ids.unlirec = await orgId("unlirec");
  ids.marked = await indicatorId("firearms_marked");
  ids.trained = await indicatorId("officers_trained");
  ids.destroyed = await indicatorId("weapons_destroyed");
  gtAward = await makeAward({ program: ids.meridaCa, partner: ids.oas, country: "GT" });
  jmAward = await makeAward({ program: ids.cbsi, partner: ids.unlirec, country: "JM" });
});
afterAll(async () => {
  await db.drop();
});

describe("the reporting calendar", () => {
  it("is never written by a read: an award without one shows no periods until the backfill builds it, once", async () => {
    const a = await makeAward({ program: ids.meridaCa, partner: ids.oas, country: "GT", startsOn: "2026-01-31", endsOn: "2027-01-30", calendar: false });
    const allPeriods = async () => (await db.db.select({ n: count() }).from(reportingPeriods))[0].n;
    const before = await allPeriods();
    // What the award page, a report's page and the home page read.
    expect((await getAwardReporting(u.officer, a.id, { today: "2026-05-15" })).periods).toEqual([]);
    await Promise.all([getAwardReporting(u.gt, a.id), getAwardReporting(u.partner, a.id)]);
    await expect(getPeriodReport(u.gt, a.id, 1)).rejects.toBeInstanceOf(NotFoundError);
    await Promise.all([listOverdue(u.officer), listOverdue(u.gt), listOverdue(u.partner)]);
    expect(await allPeriods()).toBe(before);

    expect(await backfillReportingCalendars(db.db)).toBe(4);
    expect(await backfillReportingCalendars(db.db)).toBe(0);
    const reporting = await getAwardReporting(u.officer, a.id, { today: "2026-05-15" });
    const expected = calendarOf({ startsOn: "2026-01-31", endsOn: "2027-01-30", frequencyMonths: 3 });
    expect(reporting.periods.map((p) => ({ number: p.number, startsOn: p.startsOn, endsOn: p.endsOn, dueOn: p.dueOn, isFinal: p.isFinal }))).toEqual(expected);
    expect(reporting.periods.map((p) => p.status)).toEqual(["due", "open", "not_started", "not_started"]);
    expect(await ensureReportingCalendar(u.officer, a.id)).toBe(0);
    expect(await allPeriods()).toBe(before + 4);
    await expect(ensureReportingCalendar(u.jm, a.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("flags overdue periods and lists them for dashboards, but not for donors", async () => {
    const reporting = await getAwardReporting(u.gt, gtAward.id);
    expect(reporting.periods[0]).toMatchObject({ number: 1, status: "overdue", isOverdue: true });
    expect(reporting.periods.at(-1)).toMatchObject({ isFinal: true, status: "not_started", isOverdue: false });
    const { rows: officerList, total } = await listOverdue(u.officer, { limit: 500 });
    expect(total).toBe(officerList.length);
    expect(officerList.length).toBeGreaterThan(1);
    // The home page asks for the first few (the oldest) and how many there are.
    expect(await listOverdue(u.officer, { limit: 1 })).toEqual({ rows: officerList.slice(0, 1), total });
    expect(officerList.some((r) => r.awardId === gtAward.id && r.periodNumber === 1 && r.daysLate > 0)).toBe(true);
    expect(officerList.some((r) => r.awardId === jmAward.id)).toBe(true);
    const { rows: gtList } = await listOverdue(u.gt, { limit: 500 });
    expect(gtList.some((r) => r.awardId === gtAward.id)).toBe(true);
    expect(gtList.some((r) => r.awardId === jmAward.id)).toBe(false);
    const { rows: partnerList } = await listOverdue(u.partner, { limit: 500 });
    expect(partnerList.some((r) => r.awardId === gtAward.id)).toBe(true);
    expect(partnerList.some((r) => r.awardId === jmAward.id)).toBe(false);
    expect(await listOverdue(u.donorInl)).toEqual({ rows: [], total: 0 });
    expect(await listOverdue(u.reviewer)).toEqual({ rows: [], total: 0 });
  });
});

describe("who may do what", () => {
  it("saving a report: the award's country focal point and partner users only", async () => {
    // Period 2 of each award is free for this test.
    const before = await snapshot();
    for (const who of ["jm", "officer", "donorInl", "reviewer", "approver", "admin"] as const) {
      await expect(saveReport(u[who], { awardId: gtAward.id, periodNumber: 2, ...goodReport(gtAward), submit: false }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    }
    for (const who of ["gt", "partner", "officer", "donorInl", "reviewer"] as const) {
      await expect(saveReport(u[who], { awardId: jmAward.id, periodNumber: 2, ...goodReport(jmAward), submit: true }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await snapshot()).toEqual(before);
    const byGt = await saveReport(u.gt, { awardId: gtAward.id, periodNumber: 2, ...goodReport(gtAward), submit: false }, ctx);
    expect(byGt).toMatchObject({ status: "draft", version: 1 });
    const byPartner = await saveReport(u.partner, { awardId: gtAward.id, periodNumber: 2, ...goodReport(gtAward, { narrativeEn: "Edited by the OAS." }), submit: false, expectedVersion: 1 }, ctx);
    expect(byPartner).toMatchObject({ id: byGt.id, status: "draft", version: 2 });
    const byJm = await saveReport(u.jm, { awardId: jmAward.id, periodNumber: 2, ...goodReport(jmAward), submit: false }, ctx);
    expect(byJm.status).toBe("draft");
  });

  it("reading: visibility follows the award; donors and others never see unaccepted reports", async () => {
    const draft = (await reportRow(gtAward.id, 2))!;
    for (const who of ["gt", "partner", "officer", "approver"] as const) {
      expect((await getReport(u[who], draft.id)).status).toBe("draft");
      const reporting = await getAwardReporting(u[who], gtAward.id);
      expect(reporting.periods[1].report?.id).toBe(draft.id);
    }
    for (const who of ["jm", "donorInl", "reviewer", "admin"] as const) {
      await expect(getReport(u[who], draft.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    // The funding donor (donorInl) too: donors read reports on the dashboards only (decision 0011).
    for (const who of ["jm", "donorInl", "reviewer", "admin"] as const) {
      await expect(getAwardReporting(u[who], gtAward.id), who).rejects.toBeInstanceOf(NotFoundError);
      await expect(getPeriodReport(u[who], gtAward.id, 2), who).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getAwardReporting(u.partner, jmAward.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPeriodReport(u.gt, gtAward.id, 2)).canEdit).toBe(true);
    expect((await getPeriodReport(u.officer, gtAward.id, 2)).canEdit).toBe(false);
    await expect(getReport(u.gt, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("deciding on a submitted report: program officers only", async () => {
    await saveReport(u.gt, { awardId: gtAward.id, periodNumber: 2, ...goodReport(gtAward), submit: true }, ctx);
    const submitted = (await reportRow(gtAward.id, 2))!;
    const before = await snapshot();
    for (const who of ["gt", "jm", "partner", "donorInl", "reviewer", "approver", "admin"] as const) {
      await expect(decideReport(u[who], { reportId: submitted.id, decision: "accept", expectedVersion: submitted.version }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await snapshot()).toEqual(before);
    expect((await getPeriodReport(u.officer, gtAward.id, 2)).canReview).toBe(true);
    expect((await getPeriodReport(u.gt, gtAward.id, 2)).canReview).toBe(false);
    const accepted = await decideReport(u.officer, { reportId: submitted.id, decision: "accept", expectedVersion: submitted.version }, ctx);
    expect(accepted.status).toBe("accepted");
    // Even accepted, the generic report lookups know nothing for the funding donor (the dashboards show it).
    await expect(getReport(u.donorInl, submitted.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAwardReporting(u.donorInl, gtAward.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPeriodReport(u.donorInl, gtAward.id, 2)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("editing indicators: program officers only", async () => {
    const rows = [{ indicatorId: ids.marked, baseline: "0", target: "1000" }];
    for (const who of ["gt", "partner", "donorInl", "reviewer", "approver", "admin"] as const) {
      await expect(setAwardIndicators(u[who], { awardId: jmAward.id, indicators: rows }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("bad input is refused with a message key and changes nothing", () => {
  const cases: [string, (a: TestAward) => Record<string, unknown>, string, string][] = [
    ["a negative actual", (a) => goodReport(a, { actuals: [{ awardIndicatorId: a.tracked.trained, value: "-5" }] }), "actuals.0.value", "reporting.errors.valueNegative"],
    ["a non-numeric actual", (a) => goodReport(a, { actuals: [{ awardIndicatorId: a.tracked.trained, value: "twelve" }] }), "actuals.0.value", "reporting.errors.valueNotNumber"],
    ["a numeric actual sent as a negative number", (a) => goodReport(a, { actuals: [{ awardIndicatorId: a.tracked.trained, value: -1 }] }), "actuals.0.value", "reporting.errors.valueNegative"],
    ["an indicator the award does not track", (a) => goodReport(a, { actuals: [{ awardIndicatorId: jmAward.tracked.marked, value: "5" }] }), "actuals.0.awardIndicatorId", "reporting.errors.indicatorNotTracked"],
    [
      "a breakdown that does not add up",
      (a) => goodReport(a, { actuals: [{ awardIndicatorId: a.tracked.marked, value: "10", breakdown: [{ dimension: "sex", label: "F", value: "4" }, { dimension: "sex", label: "M", value: "5" }] }] }),
      "actuals.0.breakdown",
      "reporting.errors.breakdownSum",
    ],
    [
      "a breakdown with an unknown dimension",
      (a) => goodReport(a, { actuals: [{ awardIndicatorId: a.tracked.marked, value: "4", breakdown: [{ dimension: "colour", label: "F", value: "4" }] }] }),
      "actuals.0.breakdown.0.dimension",
      "reporting.errors.breakdownDimension",
    ],
    ["an expenditure beyond the award", (a) => goodReport(a, { expenditureToDate: "100000.01" }), "expenditureToDate", "reporting.errors.expenditureAboveAward"],
    ["a negative expenditure", (a) => goodReport(a, { expenditureToDate: "-1" }), "expenditureToDate", "reporting.errors.expenditureNegative"],
    ["a deliverable of another award", (a) => goodReport(a, { deliverableUpdates: [{ deliverableId: jmAward.deliverableId, note: "x" }] }), "deliverableUpdates.0.deliverableId", "reporting.errors.deliverableNotOfAward"],
    ["a narrative over 10,000 characters", (a) => goodReport(a, { narrativeEs: "a".repeat(10_001) }), "narrativeEs", "reporting.errors.narrativeTooLong"],
    ["no narrative on submit", (a) => goodReport(a, { narrativeEs: "  " }), "narrativeEn", "reporting.errors.narrativeRequired"],
    ["an unexpected field", (a) => goodReport(a, { status: "accepted" }), "_form", ""],
  ];
  for (const [what, input, field, key] of cases) {
    it(what, async () => {
      const before = await snapshot();
      const error = await saveReport(u.gt, { awardId: gtAward.id, periodNumber: 3, ...input(gtAward), submit: true }, ctx).catch((e: unknown) => e);
      const { fields, form } = keysOf(error);
      if (field === "_form") expect(form).toBe("common.errors.invalidInput");
      else expect(fields[field]).toBe(key);
      expect(await snapshot()).toEqual(before);
    });
  }

  it("a period that does not exist or has not started", async () => {
    const before = await snapshot();
    const periods = (await getAwardReporting(u.gt, gtAward.id)).periods;
    const future = periods.find((p) => !p.hasStarted)!;
    expect(keysOf(await saveReport(u.gt, { awardId: gtAward.id, periodNumber: future.number, ...goodReport(gtAward), submit: false }, ctx).catch((e: unknown) => e)).fields.period).toBe(
      "reporting.errors.periodNotStarted",
    );
    for (const n of [0, periods.length + 1, 1.5]) {
      expect(keysOf(await saveReport(u.gt, { awardId: gtAward.id, periodNumber: n, ...goodReport(gtAward), submit: false }, ctx).catch((e: unknown) => e)).fields.period).toBe(
        "reporting.errors.periodNotFound",
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a return without a proper comment, and indicator edits that would lose actuals", async () => {
    const report = (await reportRow(jmAward.id, 2))!;
    await saveReport(u.jm, { awardId: jmAward.id, periodNumber: 2, ...goodReport(jmAward), submit: true, expectedVersion: report.version }, ctx);
    const submitted = (await reportRow(jmAward.id, 2))!;
    const before = await snapshot();
    for (const comment of [undefined, "", "too short"]) {
      const error = await decideReport(u.officer, { reportId: submitted.id, decision: "return", comment, expectedVersion: submitted.version }, ctx).catch((e: unknown) => e);
      expect(keysOf(error).fields.comment).toBe("reporting.errors.commentRequired");
    }
    expect(keysOf(await decideReport(u.officer, { reportId: submitted.id, decision: "maybe", expectedVersion: submitted.version }, ctx).catch((e: unknown) => e)).fields.decision).toBe(
      "reporting.errors.decisionRequired",
    );
    // The trained-officers indicator has actuals in this report: it cannot be dropped.
    const drop = await setAwardIndicators(u.officer, { awardId: jmAward.id, indicators: [{ indicatorId: ids.marked, baseline: "0", target: "1000" }] }, ctx).catch((e: unknown) => e);
    expect(keysOf(drop).form).toBe("reporting.errors.indicatorHasActuals");
    const unknown = await setAwardIndicators(u.officer, { awardId: jmAward.id, indicators: [{ indicatorId: crypto.randomUUID(), target: "5" }] }, ctx).catch((e: unknown) => e);
    expect(keysOf(unknown).fields["indicators.0.indicatorId"]).toBe("reporting.errors.indicatorUnknown");
    const negative = await setAwardIndicators(u.officer, { awardId: jmAward.id, indicators: [{ indicatorId: ids.marked, target: "-5" }] }, ctx).catch((e: unknown) => e);
    expect(keysOf(negative).fields["indicators.0.target"]).toBe("reporting.errors.valueNegative");
    expect(await snapshot()).toEqual(before);
    // Adding one and changing a target is fine; the ones with actuals stay.
    await setAwardIndicators(
      u.officer,
      {
        awardId: jmAward.id,
        indicators: [
          { indicatorId: ids.marked, baseline: "0", target: "1500" },
          { indicatorId: ids.trained, baseline: "10", target: "200" },
          { indicatorId: ids.destroyed, baseline: "0", target: "300" },
        ],
      },
      ctx,
    );
    const tracked = await db.db.select().from(awardIndicators).where(eq(awardIndicators.awardId, jmAward.id));
    expect(tracked.map((t) => [t.indicatorId, t.target]).sort()).toEqual(
      [
        [ids.marked, "1500.00"],
        [ids.trained, "200.00"],
        [ids.destroyed, "300.00"],
      ].sort(),
    );
    expect(tracked.find((t) => t.indicatorId === ids.marked)!.id).toBe(jmAward.tracked.marked);
  });
});

describe("the report's life", () => {
  it("submit -> returned with a comment -> fixed and resubmitted -> accepted, then frozen", async () => {
    const a = gtAward;
    const draft = await saveReport(u.partner, { awardId: a.id, periodNumber: 1, ...goodReport(a, { expenditureToDate: "" }), submit: false }, ctx);
    expect(draft.status).toBe("draft");
    expect((await reportRow(a.id, 1))!.expenditureToDateMinor).toBeNull();
    // Submitting needs the expenditure.
    const missing = await saveReport(u.partner, { awardId: a.id, periodNumber: 1, ...goodReport(a, { expenditureToDate: "" }), submit: true, expectedVersion: 1 }, ctx).catch((e: unknown) => e);
    expect(keysOf(missing).fields.expenditureToDate).toBe("reporting.errors.expenditureRequired");

    const submitted = await saveReport(u.partner, { awardId: a.id, periodNumber: 1, ...goodReport(a), submit: true, expectedVersion: 1 }, ctx);
    expect(submitted).toMatchObject({ status: "submitted", version: 2 });
    const row = (await reportRow(a.id, 1))!;
    expect(row).toMatchObject({ submittedById: u.partner.id, expenditureToDateMinor: 2_500_050, narrativeEs: expect.stringContaining("120 armas") });
    const actuals = await db.db.select().from(reportActuals).where(eq(reportActuals.reportId, row.id));
    expect(actuals.find((x) => x.awardIndicatorId === a.tracked.marked)).toMatchObject({
      value: "120.00",
      breakdown: [
        { dimension: "agency", label: "PNC", value: 100 },
        { dimension: "agency", label: "DIGECAM", value: 20 },
      ],
    });
    expect(await db.db.select().from(reportDeliverableUpdates).where(eq(reportDeliverableUpdates.reportId, row.id))).toHaveLength(1);
    let mails = await mailsFor(a.id, 1);
    expect(mails.map((m) => [m.template, m.to])).toEqual([["report-submitted", EMAILS.officer]]);
    expect(mails[0].payload).toMatchObject({ periodNumber: 1, countryName: { en: "Guatemala" } });

    // Submitted: not editable until reviewed.
    const whileSubmitted = await saveReport(u.gt, { awardId: a.id, periodNumber: 1, ...goodReport(a), submit: false }, ctx).catch((e: unknown) => e);
    expect(keysOf(whileSubmitted).form).toBe("reporting.errors.awaitingReview");

    const comment = "Please add the breakdown by weapon type and correct the expenditure.";
    const returned = await decideReport(u.officer, { reportId: row.id, decision: "return", comment, expectedVersion: 2 }, ctx);
    expect(returned).toMatchObject({ status: "returned", version: 3 });
    mails = (await mailsFor(a.id, 1)).filter((m) => m.template === "report-returned");
    expect(mails.map((m) => [m.to, m.locale]).sort()).toEqual([
      [EMAILS.gt, "es"],
      [EMAILS.partner, "es"],
    ]);
    expect(mails[0].payload).toMatchObject({ comment, periodNumber: 1 });
    expect((await getPeriodReport(u.gt, a.id, 1)).period.status).toBe("returned");

    // Fixed by the focal point (a draft save keeps it "returned"), then resubmitted.
    const fixed = await saveReport(u.gt, { awardId: a.id, periodNumber: 1, ...goodReport(a, { expenditureToDate: "26000" }), submit: false, expectedVersion: 3 }, ctx);
    expect(fixed).toMatchObject({ status: "returned", version: 4 });
    const resubmitted = await saveReport(u.gt, { awardId: a.id, periodNumber: 1, ...goodReport(a, { expenditureToDate: "26000" }), submit: true, expectedVersion: 4 }, ctx);
    expect(resubmitted).toMatchObject({ status: "submitted", version: 5 });
    const accepted = await decideReport(u.officer, { reportId: row.id, decision: "accept", comment: "Thank you.", expectedVersion: 5 }, ctx);
    expect(accepted).toMatchObject({ status: "accepted", version: 6 });

    const audit = await db.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, row.id)).orderBy(auditEvents.occurredAt);
    expect(audit.map((x) => x.action)).toEqual(["report.save", "report.submit", "report.return", "report.save", "report.submit", "report.accept"]);

    // Frozen: no further edits, no second review.
    const before = await snapshot();
    for (const who of ["gt", "partner"] as const) {
      const error = await saveReport(u[who], { awardId: a.id, periodNumber: 1, ...goodReport(a), submit: false }, ctx).catch((e: unknown) => e);
      expect(keysOf(error).form).toBe("reporting.errors.reportFrozen");
      await expect(saveReport(u[who], { awardId: a.id, periodNumber: 1, ...goodReport(a), submit: true, expectedVersion: 6 }, ctx)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(keysOf(await decideReport(u.officer, { reportId: row.id, decision: "return", comment, expectedVersion: 6 }, ctx).catch((e: unknown) => e)).form).toBe(
      "reporting.errors.notSubmitted",
    );
    await expect(decideReport(u.officer, { reportId: row.id, decision: "accept", expectedVersion: 5 }, ctx)).rejects.toBeInstanceOf(ConflictError);
    // The refusal names a report, not a request.
    await expect(decideReport(u.officer, { reportId: row.id, decision: "accept", expectedVersion: 5 }, ctx)).rejects.toMatchObject({ messageKey: "reporting.errors.conflict" });
    expect(await snapshot()).toEqual(before);
    const page = await getPeriodReport(u.gt, a.id, 1);
    expect(page).toMatchObject({ canEdit: false, canReview: false, period: { status: "accepted", isOverdue: false } });
  });

  it("indicator totals count accepted actuals only; money is reported from the latest accepted report", async () => {
    // Period 1 accepted (120 marked, 15 trained), period 2 accepted (120, 15), period 3 submitted only.
    await saveReport(
      u.gt,
      {
        awardId: gtAward.id,
        periodNumber: 3,
        ...goodReport(gtAward, { expenditureToDate: "90000", actuals: [{ awardIndicatorId: gtAward.tracked.marked, value: "500" }] }),
        submit: true,
      },
      ctx,
    );
    const reporting = await getAwardReporting(u.officer, gtAward.id);
    const marked = reporting.indicators.find((i) => i.id === gtAward.tracked.marked)!;
    const trained = reporting.indicators.find((i) => i.id === gtAward.tracked.trained)!;
    expect(marked).toMatchObject({ actual: "240.00", target: "1000.00", percent: 24 });
    expect(trained).toMatchObject({ actual: "30.00", baseline: "10.00", percent: 15 });
    expect(reporting.periods.slice(0, 3).map((p) => p.status)).toEqual(["accepted", "accepted", "submitted"]);
    // The latest accepted report is period 2's (25,000.50), not period 1's or the submitted period 3's.
    expect(reporting.money).toEqual({ committedMinor: 10_000_000, disbursedMinor: 0, reportedExpenditureMinor: 2_500_050 });
    const partner = await getAwardReporting(u.partner, gtAward.id);
    expect(partner.indicators.find((i) => i.id === gtAward.tracked.marked)!.actual).toBe("240.00");
    expect(partner.money).toEqual(reporting.money);
  });

  it("program money is the sum of its awards' money, cancelled awards left out", async () => {
    const [tranche] = await db.db.insert(awardTranches).values({ awardId: gtAward.id, position: 1, plannedAmountMinor: 6_000_000, plannedOn: started }).returning();
    await db.db.insert(disbursements).values({ trancheId: tranche.id, amountMinor: 6_000_000, disbursedOn: started, recordedById: u.officer.id });
    const cancelled = await makeAward({ program: ids.meridaCa, partner: ids.oas, country: "GT", amountMinor: 777_00 });
    await db.db.update(awards).set({ status: "cancelled" }).where(eq(awards.id, cancelled.id));

    const money = await getProgramMoney(u.officer, ids.meridaCa);
    expect(money.awards.map((a) => a.id)).toContain(gtAward.id);
    expect(money.awards.map((a) => a.id)).not.toContain(cancelled.id);
    let committed = 0;
    let disbursed = 0;
    let reported = 0;
    for (const a of money.awards) {
      const perAward = (await getAwardReporting(u.officer, a.id)).money;
      expect(perAward).toEqual({ committedMinor: a.committedMinor, disbursedMinor: a.disbursedMinor, reportedExpenditureMinor: a.reportedExpenditureMinor });
      committed += perAward.committedMinor;
      disbursed += perAward.disbursedMinor;
      reported += perAward.reportedExpenditureMinor;
    }
    expect(money).toMatchObject({ committedMinor: committed, disbursedMinor: disbursed, reportedExpenditureMinor: reported });
    expect((await getAwardReporting(u.gt, gtAward.id)).money.disbursedMinor).toBe(6_000_000);
    expect(money.disbursedMinor).toBeGreaterThanOrEqual(6_000_000);
    expect(await getProgramMoney(u.approver, ids.meridaCa)).toEqual(money);
    expect(await getProgramMoney(u.admin, ids.meridaCa)).toEqual(money);
    for (const who of ["gt", "jm", "partner", "donorInl", "reviewer"] as const) {
      await expect(getProgramMoney(u[who], ids.meridaCa)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("parallel attempts make one winner", () => {
  it("a double submit of a new report: one submits, the other gets a conflict", async () => {
    const a = await makeAward({ program: ids.meridaCa, partner: ids.oas, country: "GT" });
    const results = await Promise.allSettled([
      saveReport(u.gt, { awardId: a.id, periodNumber: 1, ...goodReport(a), submit: true }, ctx),
      saveReport(u.partner, { awardId: a.id, periodNumber: 1, ...goodReport(a), submit: true }, ctx),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toSatisfy((e: unknown) => e instanceof ConflictError || e instanceof ValidationError);
    const row = (await reportRow(a.id, 1))!;
    expect(row).toMatchObject({ status: "submitted", version: 1 });
    expect((await mailsFor(a.id, 1)).filter((m) => m.template === "report-submitted")).toHaveLength(1);
  });

  it("a double submit of the same draft version: one wins", async () => {
    const a = await makeAward({ program: ids.meridaCa, partner: ids.oas, country: "GT" });
    const draft = await saveReport(u.gt, { awardId: a.id, periodNumber: 1, ...goodReport(a), submit: false }, ctx);
    const results = await Promise.allSettled([
      saveReport(u.gt, { awardId: a.id, periodNumber: 1, ...goodReport(a), submit: true, expectedVersion: draft.version }, ctx),
      saveReport(u.partner, { awardId: a.id, periodNumber: 1, ...goodReport(a), submit: true, expectedVersion: draft.version }, ctx),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(ConflictError);
    const row = (await reportRow(a.id, 1))!;
    expect(row).toMatchObject({ status: "submitted", version: 2 });
    const submits = await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, "report.submit")));
    expect(submits).toHaveLength(1);
  });

  it("a double review: one decision stands", async () => {
    const a = await makeAward({ program: ids.meridaCa, partner: ids.oas, country: "GT" });
    const submitted = await saveReport(u.gt, { awardId: a.id, periodNumber: 1, ...goodReport(a), submit: true }, ctx);
    const results = await Promise.allSettled([
      decideReport(u.officer, { reportId: submitted.id, decision: "accept", expectedVersion: submitted.version }, ctx),
      decideReport(u.officer, { reportId: submitted.id, decision: "return", comment: "Please correct the figures of the annex.", expectedVersion: submitted.version }, ctx),
    ]);
    const won = results.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ status: string }>[];
    expect(won).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const row = (await reportRow(a.id, 1))!;
    expect(row).toMatchObject({ status: won[0].value.status, version: 2 });
    const reviews = await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), sql`${auditEvents.action} IN ('report.accept', 'report.return')`));
    expect(reviews).toHaveLength(1);
    expect((await mailsFor(a.id, 1)).filter((m) => m.template === "report-returned")).toHaveLength(won[0].value.status === "returned" ? 1 : 0);
  });
});

describe("the reporting frequency", () => {
  async function periodsOf(awardId: string) {
    return db.db
      .select({ number: reportingPeriods.number, startsOn: reportingPeriods.startsOn, endsOn: reportingPeriods.endsOn, dueOn: reportingPeriods.dueOn })
      .from(reportingPeriods)
      .where(eq(reportingPeriods.awardId, awardId))
      .orderBy(reportingPeriods.number);
  }
  async function frequencyOf(awardId: string) {
    return (await db.db.select({ f: awards.reportingFrequencyMonths }).from(awards).where(eq(awards.id, awardId)))[0].f;
  }

  it("an officer changes it before any report: the calendar is rebuilt, with an audit event", async () => {
    const a = await makeAward({ program: ids.meridaCa, partner: ids.oas, country: "GT", startsOn: "2026-01-01", endsOn: "2027-12-31" });
    await ensureReportingCalendar(u.officer, a.id);
    expect(await periodsOf(a.id)).toHaveLength(8);
    const result = await setReportingFrequency(u.officer, { awardId: a.id, frequencyMonths: "6", expectedFrequencyMonths: 3 }, ctx);
    expect(result).toEqual({ periods: 4 });
    expect(await frequencyOf(a.id)).toBe(6);
    const periods = await periodsOf(a.id);
    expect(periods).toEqual(calendarOf({ startsOn: "2026-01-01", endsOn: "2027-12-31", frequencyMonths: 6 }).map(({ isFinal: _f, ...p }) => p));
    expect(periods[0]).toEqual({ number: 1, startsOn: "2026-01-01", endsOn: "2026-06-30", dueOn: "2026-07-30" });
    const events = await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, "award.setReportingFrequency")));
    expect(events.map((e) => e.details)).toEqual([expect.objectContaining({ from: 3, to: 6, periods: 4 })]);
    const reporting = await getAwardReporting(u.officer, a.id);
    expect(reporting.award.reportingFrequencyMonths).toBe(6);
    expect(reporting.frequency).toEqual({ isLocked: false });
  });

  it("is refused to everyone but officers, and for bad values, changing nothing", async () => {
    const a = await makeAward({ program: ids.meridaCa, partner: ids.oas, country: "GT" });
    await ensureReportingCalendar(u.officer, a.id);
    const before = await periodsOf(a.id);
    for (const who of ["gt", "jm", "partner", "reviewer", "approver", "donorInl", "admin"]) {
      await expect(setReportingFrequency(u[who], { awardId: a.id, frequencyMonths: 1, expectedFrequencyMonths: 3 }, ctx), who).rejects.toBeInstanceOf(NotFoundError);
      expect((await getAwardReporting(u[who], a.id).catch(() => null))?.frequency ?? null, who).toBeNull();
    }
    for (const bad of ["5", "0", "-3", "13", "abc", "", 2.5, null]) {
      const error = await setReportingFrequency(u.officer, { awardId: a.id, frequencyMonths: bad, expectedFrequencyMonths: 3 }, ctx).catch((e: unknown) => e);
      expect(keysOf(error).fields, String(bad)).toEqual({ frequencyMonths: "reporting.errors.frequencyInvalid" });
    }
    expect(await frequencyOf(a.id)).toBe(3);
    expect(await periodsOf(a.id)).toEqual(before);
  });

  it("is fixed once a report is started, and when a tranche waits for a period the new calendar would not have", async () => {
    const a = await makeAward({ program: ids.meridaCa, partner: ids.oas, country: "GT" });
    await ensureReportingCalendar(u.officer, a.id);
    const [tranche] = await db.db.insert(awardTranches).values({ awardId: a.id, position: 1, plannedAmountMinor: 10_000_000, plannedOn: started, conditionPeriodNumber: 5 }).returning();
    let error = await setReportingFrequency(u.officer, { awardId: a.id, frequencyMonths: 12, expectedFrequencyMonths: 3 }, ctx).catch((e: unknown) => e);
    expect(keysOf(error).fields).toEqual({ frequencyMonths: "reporting.errors.frequencyTrancheCondition" });
    expect((error as ValidationError).fieldErrors.frequencyMonths.params).toEqual({ tranche: 1, period: 5, count: 2 });
    await db.db.update(awardTranches).set({ conditionPeriodNumber: 2 }).where(eq(awardTranches.id, tranche.id));

    await saveReport(u.gt, { awardId: a.id, periodNumber: 1, narrativeEs: "Borrador", submit: false }, ctx);
    const before = await periodsOf(a.id);
    error = await setReportingFrequency(u.officer, { awardId: a.id, frequencyMonths: 12, expectedFrequencyMonths: 3 }, ctx).catch((e: unknown) => e);
    expect(keysOf(error).form).toBe("reporting.errors.frequencyLocked");
    expect(await frequencyOf(a.id)).toBe(3);
    expect(await periodsOf(a.id)).toEqual(before);
    expect((await getAwardReporting(u.officer, a.id)).frequency).toEqual({ isLocked: true });
  });

  it("two officers changing it at once from the same page: one wins, the other gets a conflict", async () => {
    const a = await makeAward({ program: ids.meridaCa, partner: ids.oas, country: "GT", startsOn: "2026-01-01", endsOn: "2027-12-31" });
    await ensureReportingCalendar(u.officer, a.id);
    const results = await Promise.allSettled([
      setReportingFrequency(u.officer, { awardId: a.id, frequencyMonths: 6, expectedFrequencyMonths: 3 }, ctx),
      setReportingFrequency(u.officer, { awardId: a.id, frequencyMonths: 12, expectedFrequencyMonths: 3 }, ctx),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const f = await frequencyOf(a.id);
    expect(await periodsOf(a.id)).toHaveLength(f === 6 ? 4 : 2);
  });
});
