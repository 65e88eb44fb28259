import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, awardDeliverables, awardTranches, disbursements, outbox, progressReports, reportingPeriods } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { ctx, deliveryCounts, errorKeys, insertAward, loadUsers, rejectionOf, type DeliveryUserKey, type TestAward } from "@/test/delivery-fixtures";
import { recordDisbursement, setTrancheCondition } from "./mutations";
import { listTranches } from "./queries";
import { disbursementInputProblem, isConditionMet } from "./workflow";

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
let gtAward: TestAward; // Guatemala, Merida (INL), OAS
let jmAward: TestAward; // Jamaica, CBSI (INL), UNLIREC

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
  gtAward = await insertAward(db, u.officer.id);
  jmAward = await insertAward(db, u.officer.id, { country: "JM", program: "cbsi", partner: "unlirec" });
});
afterAll(async () => {
  await db.drop();
});

async function tranche(id: string) {
  const [t] = await db.db.select().from(awardTranches).where(eq(awardTranches.id, id));
  return t;
}

describe("seeing tranches", () => {
  it("follows the award's visibility: office, country focal point, partner; others (the funding donor too) get not found", async () => {
    for (const who of ["officer", "approver", "gt", "partner"] as const) {
      const list = await listTranches(u[who], gtAward.id);
      expect(list.tranches.map((t) => t.plannedAmountMinor), who).toEqual([6_000_000, 4_000_000]);
      expect(list.canManage, who).toBe(who === "officer");
    }
    // A donor follows its awards on the dashboards only (decision 0011).
    for (const who of ["jm", "donorInl", "donorWra", "reviewer", "admin"] as const) {
      await expect(listTranches(u[who], gtAward.id), who).rejects.toBeInstanceOf(NotFoundError);
    }
    // The OAS partner user does not see UNLIREC's award.
    await expect(listTranches(u.partner, jmAward.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTranches(u.officer, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows a tranche without condition as disbursable", async () => {
    const list = await listTranches(u.officer, gtAward.id);
    expect(list.tranches[0]).toMatchObject({ condition: "none", isConditionMet: true, blocker: null });
  });
});

describe("setting a tranche's condition", () => {
  it("is for officers only: everyone else gets not found and nothing changes", async () => {
    const before = await deliveryCounts(db);
    for (const who of ["gt", "jm", "partner", "donorInl", "approver", "reviewer", "admin"] as const) {
      const error = await rejectionOf(setTrancheCondition(u[who], { trancheId: gtAward.tranches[0],  type: "deliverable", deliverableId: gtAward.deliverables[0] }, ctx));
      expect(error, who).toBeInstanceOf(NotFoundError);
    }
    expect((await tranche(gtAward.tranches[0])).conditionDeliverableId).toBeNull();
    expect(await deliveryCounts(db)).toEqual(before);
  });

  it("refuses a deliverable of another award, a bad period number and a bad type, with keys", async () => {
    const before = await deliveryCounts(db);
    const other = await rejectionOf(setTrancheCondition(u.officer, { trancheId: gtAward.tranches[0],  type: "deliverable", deliverableId: jmAward.deliverables[0] }, ctx));
    expect(errorKeys(other)).toMatchObject({ deliverableId: "delivery.errors.deliverableNotOfAward" });
    const badNumber = await rejectionOf(setTrancheCondition(u.officer, { trancheId: gtAward.tranches[0],  type: "report", periodNumber: "0" }, ctx));
    expect(errorKeys(badNumber)).toMatchObject({ periodNumber: "delivery.errors.periodNumber" });
    const noDeliverable = await rejectionOf(setTrancheCondition(u.officer, { trancheId: gtAward.tranches[0],  type: "deliverable" }, ctx));
    expect(errorKeys(noDeliverable)).toMatchObject({ deliverableId: "delivery.errors.deliverableRequired" });
    const badType = await rejectionOf(setTrancheCondition(u.officer, { trancheId: gtAward.tranches[0],  type: "whenever" }, ctx));
    expect(errorKeys(badType)).toMatchObject({ type: "delivery.errors.conditionType" });
    expect(await deliveryCounts(db)).toEqual(before);
  });

  it("ties a tranche to a deliverable of the same award, with an audit event", async () => {
    await setTrancheCondition(u.officer, { trancheId: gtAward.tranches[0],  type: "deliverable", deliverableId: gtAward.deliverables[0] }, ctx);
    expect(await tranche(gtAward.tranches[0])).toMatchObject({ conditionDeliverableId: gtAward.deliverables[0], conditionPeriodNumber: null });
    const audit = await db.db.select().from(auditEvents).where(and(eq(auditEvents.action, "tranche.condition.set"), eq(auditEvents.entityId, gtAward.id)));
    expect(audit).toHaveLength(1);
    const list = await listTranches(u.partner, gtAward.id);
    expect(list.tranches[0]).toMatchObject({ condition: "deliverable", isConditionMet: false, blocker: "deliverableNotAccepted" });
    expect(list.tranches[0].conditionDeliverable?.title).toBe("Marking machines delivered and installed");
  });

  it("checks the period number against the award's calendar once it has one", async () => {
    const award = await insertAward(db, u.officer.id);
    await db.db.insert(reportingPeriods).values([
      { awardId: award.id, number: 1, startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-30" },
      { awardId: award.id, number: 2, startsOn: "2026-04-01", endsOn: "2026-06-30", dueOn: "2026-07-31" },
    ]);
    const error = await rejectionOf(setTrancheCondition(u.officer, { trancheId: award.tranches[1],  type: "report", periodNumber: 3 }, ctx));
    expect(errorKeys(error)).toMatchObject({ periodNumber: "delivery.errors.periodUnknown" });
    await setTrancheCondition(u.officer, { trancheId: award.tranches[1],  type: "report", periodNumber: "2" }, ctx);
    expect((await tranche(award.tranches[1])).conditionPeriodNumber).toBe(2);
  });
});

describe("recording a disbursement", () => {
  const valid = { amount: "60000", disbursedOn: "2026-07-15" };

  it("is refused while the deliverable is not accepted, with a clear message, and nothing changes", async () => {
    const before = await deliveryCounts(db);
    const error = await rejectionOf(recordDisbursement(u.officer, { trancheId: gtAward.tranches[0], ...valid }, ctx));
    expect(errorKeys(error)).toEqual({ _form: "delivery.errors.deliverableNotAccepted" });
    expect(await deliveryCounts(db)).toEqual(before);
    expect(await tranche(gtAward.tranches[0])).toMatchObject({ releasedOn: null, releasedAmountMinor: null });
  });

  it("is for officers only", async () => {
    const before = await deliveryCounts(db);
    for (const who of ["gt", "jm", "partner", "donorInl", "approver", "reviewer", "admin"] as const) {
      expect(await rejectionOf(recordDisbursement(u[who], { trancheId: gtAward.tranches[1], ...valid }, ctx)), who).toBeInstanceOf(NotFoundError);
    }
    expect(await deliveryCounts(db)).toEqual(before);
  });

  it("refuses bad input with keys and changes nothing", async () => {
    const before = await deliveryCounts(db);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ amount: "40000.01", disbursedOn: "2026-07-15" }, { amount: "delivery.errors.amountAbovePlanned" }],
      [{ amount: "-5", disbursedOn: "2026-07-15" }, { amount: "awards.errors.amountPositive" }],
      [{ amount: "abc", disbursedOn: "2026-07-15" }, { amount: "awards.errors.money" }],
      [{ amount: "1000", disbursedOn: "2025-12-31" }, { disbursedOn: "delivery.errors.dateOutsidePeriod" }],
      [{ amount: "1000", disbursedOn: "2099-01-01" }, { disbursedOn: "delivery.errors.dateInFuture" }],
      [{ amount: "1000", disbursedOn: "2026-02-30" }, { disbursedOn: "awards.errors.date" }],
      [{ amount: "1000", disbursedOn: "2026-07-15", extra: 1 }, {}],
    ];
    for (const [input, keys] of cases) {
      const error = await rejectionOf(recordDisbursement(u.officer, { trancheId: gtAward.tranches[1], ...input }, ctx));
      expect(errorKeys(error), JSON.stringify(input)).toMatchObject(keys);
    }
    expect(await deliveryCounts(db)).toEqual(before);
  });

  it("is possible once the deliverable is accepted, and recorded once even when two officers try at once", async () => {
    await db.db.update(awardDeliverables).set({ status: "accepted" }).where(eq(awardDeliverables.id, gtAward.deliverables[0]));
    const list = await listTranches(u.officer, gtAward.id);
    expect(list.tranches[0]).toMatchObject({ isConditionMet: true, blocker: null });

    const before = await deliveryCounts(db);
    const results = await Promise.allSettled([
      recordDisbursement(u.officer, { trancheId: gtAward.tranches[0], ...valid }, ctx),
      recordDisbursement(u.officer, { trancheId: gtAward.tranches[0], ...valid }, ctx),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    // The loser either waited for the lock (ConflictError) or, on one connection, saw the release first.
    const loser = lost[0].reason;
    if (!(loser instanceof ConflictError)) expect(errorKeys(loser)).toEqual({ _form: "delivery.errors.alreadyDisbursed" });

    expect(await tranche(gtAward.tranches[0])).toMatchObject({ releasedAmountMinor: 6_000_000, releasedOn: "2026-07-15" });
    const rows = await db.db.select().from(disbursements).where(eq(disbursements.trancheId, gtAward.tranches[0]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amountMinor: 6_000_000, recordedById: u.officer.id });
    const after = await deliveryCounts(db);
    expect(after.disbursements - before.disbursements).toBe(1);
    expect(after.audit - before.audit).toBe(1);
    // One mail to each of the award's people: Guatemala's focal point and the OAS partner user.
    const mails = await db.db.select().from(outbox).where(eq(outbox.template, "disbursement-recorded"));
    expect(mails.map((m) => [m.toEmail, m.locale]).sort()).toEqual([
      ["focal.gt@example.org", "es"],
      ["partner.oas@example.org", "es"],
    ]);

    const again = await rejectionOf(recordDisbursement(u.officer, { trancheId: gtAward.tranches[0], ...valid }, ctx));
    expect(errorKeys(again)).toEqual({ _form: "delivery.errors.alreadyDisbursed" });
    const locked = await rejectionOf(setTrancheCondition(u.officer, { trancheId: gtAward.tranches[0],  type: "none" }, ctx));
    expect(errorKeys(locked)).toEqual({ _form: "delivery.errors.conditionLocked" });
  });

  it("waits for the report of the condition period to be accepted", async () => {
    const award = await insertAward(db, u.officer.id);
    await setTrancheCondition(u.officer, { trancheId: award.tranches[1],  type: "report", periodNumber: 1 }, ctx);
    const noReport = await rejectionOf(recordDisbursement(u.officer, { trancheId: award.tranches[1],  amount: "40000", disbursedOn: "2026-08-01" }, ctx));
    expect(errorKeys(noReport)).toEqual({ _form: "delivery.errors.reportNotAccepted" });

    const [period] = await db.db
      .insert(reportingPeriods)
      .values({ awardId: award.id, number: 1, startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-30" })
      .returning({ id: reportingPeriods.id });
    const [report] = await db.db
      .insert(progressReports)
      .values({ awardId: award.id, periodId: period.id, status: "submitted", createdById: u.partner.id })
      .returning({ id: progressReports.id });
    const submitted = await rejectionOf(recordDisbursement(u.officer, { trancheId: award.tranches[1],  amount: "40000", disbursedOn: "2026-08-01" }, ctx));
    expect(errorKeys(submitted)).toEqual({ _form: "delivery.errors.reportNotAccepted" });

    await db.db.update(progressReports).set({ status: "accepted" }).where(eq(progressReports.id, report.id));
    const result = await recordDisbursement(u.officer, { trancheId: award.tranches[1],  amount: "39500.50", disbursedOn: "2026-08-01" }, ctx);
    expect(result).toMatchObject({ amountMinor: 3_950_050, disbursedOn: "2026-08-01" });
  });

  it("is refused on an award that is not active", async () => {
    const award = await insertAward(db, u.officer.id, { status: "completed" });
    const error = await rejectionOf(recordDisbursement(u.officer, { trancheId: award.tranches[0],  amount: "1000", disbursedOn: "2026-03-01" }, ctx));
    expect(errorKeys(error)).toEqual({ _form: "delivery.errors.awardNotActive" });
  });
});

describe("tranche rules", () => {
  it("meet a condition only when what it names is accepted", () => {
    const base = { conditionDeliverableId: null, deliverableStatus: null, conditionPeriodNumber: null, reportStatus: null } as const;
    expect(isConditionMet(base)).toBe(true);
    expect(isConditionMet({ ...base, conditionDeliverableId: "d", deliverableStatus: "submitted" })).toBe(false);
    expect(isConditionMet({ ...base, conditionDeliverableId: "d", deliverableStatus: "accepted" })).toBe(true);
    expect(isConditionMet({ ...base, conditionPeriodNumber: 2, reportStatus: null })).toBe(false);
    expect(isConditionMet({ ...base, conditionPeriodNumber: 2, reportStatus: "accepted" })).toBe(true);
  });

  it("allow at most the planned amount, within the period, not in the future", () => {
    const award = { startsOn: "2026-01-01", endsOn: "2026-12-31" };
    const t = { plannedAmountMinor: 100 };
    expect(disbursementInputProblem({ amountMinor: 100, disbursedOn: "2026-05-01" }, t, award, "2026-06-01")).toBeNull();
    expect(disbursementInputProblem({ amountMinor: 50, disbursedOn: "2026-05-01" }, t, award, "2026-06-01")).toBeNull();
    expect(disbursementInputProblem({ amountMinor: 101, disbursedOn: "2026-05-01" }, t, award, "2026-06-01")?.problem).toBe("amountAbovePlanned");
    expect(disbursementInputProblem({ amountMinor: 100, disbursedOn: "2026-06-02" }, t, award, "2026-06-01")?.problem).toBe("dateInFuture");
    expect(disbursementInputProblem({ amountMinor: 100, disbursedOn: "2025-12-31" }, t, award, "2026-06-01")?.problem).toBe("dateOutsidePeriod");
  });
});
