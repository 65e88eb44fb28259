import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import {
  assistanceRequests,
  auditEvents,
  awardDeliverables,
  awardRequests,
  awards,
  awardTranches,
  organizations,
  programs,
  reportingPeriods,
  requestDecisions,
  reviewAssignments,
  users,
} from "../schema";
import type { RequestStatus } from "../../lib/enums";
import { addDays, todayIso } from "../../lib/dates";
import { calendarRows } from "../../lib/reporting/calendar";

/**
 * Moves some demo requests further along the workflow so every demo role finds work: one in review with
 * a reviewer assigned, one approved and ready to award, one awarded and awaiting a second approval, one
 * awarded and active. Runs once per request (a request that already moved is left as it is).
 */
export async function seedDemoWorkflow(db: Db): Promise<void> {
  const [officer] = await db.select().from(users).where(eq(users.email, "officer@example.org"));
  const [reviewer] = await db.select().from(users).where(eq(users.email, "reviewer@example.org"));
  const [oas] = await db.select().from(organizations).where(eq(organizations.key, "oas"));
  if (!officer || !reviewer || !oas) throw new Error("Seed the demo users first");
  // Looked up before any transaction: with PGlite a query outside the open transaction would wait for it.
  const programRows = await db.select({ id: programs.id, key: programs.key }).from(programs);
  const programId = (key: string) => programRows.find((p) => p.key === key)!.id;

  const move = async (key: string, steps: RequestStatus[], extra?: (tx: Tx, request: typeof assistanceRequests.$inferSelect) => Promise<void>) => {
    await db.transaction(async (tx) => {
      const [request] = await tx.select().from(assistanceRequests).where(eq(assistanceRequests.creationKey, key));
      if (!request || request.status !== "submitted") return; // already moved, or withdrawn
      const events: Record<string, string> = {
        screening: "request.startScreening",
        in_review: "request.sendToReview",
        approved: "request.approve",
        awarded: "request.award",
      };
      let from: RequestStatus = request.status;
      let at = (request.submittedAt ?? new Date()).getTime();
      for (const to of steps) {
        at += 86400_000;
        await tx.insert(auditEvents).values({
          actorUserId: officer.id,
          action: events[to],
          entityType: "request",
          entityId: request.id,
          occurredAt: new Date(Math.min(at, Date.now())),
          details: { from, to, reference: request.reference, seeded: true },
        });
        from = to;
      }
      await tx
        .update(assistanceRequests)
        .set({ status: from, version: sql`${assistanceRequests.version} + ${steps.length}`, updatedAt: new Date() })
        .where(eq(assistanceRequests.id, request.id));
      if (extra) await extra(tx, request);
    });
  };

  const approve = async (tx: Tx, request: typeof assistanceRequests.$inferSelect, memo: string) => {
    await tx.insert(requestDecisions).values({ requestId: request.id, decision: "approve", memo, decidedById: officer.id });
  };

  const award = async (tx: Tx, request: typeof assistanceRequests.$inferSelect, program: string, status: "active" | "pending_approval") => {
    const [exists] = await tx.select().from(awardRequests).where(eq(awardRequests.requestId, request.id));
    if (exists) return;
    const year = new Date().getUTCFullYear();
    const seq = await tx.execute(sql`SELECT nextval('award_number_seq') AS n`);
    const n = Number(((Array.isArray(seq) ? seq : (seq as { rows: unknown[] }).rows) as { n: string | number }[])[0].n);
    const amountMinor = request.estimatedCostMinor ?? 100_000_00;
    const startsOn = addDays(todayIso(), -100);
    const endsOn = "2027-12-31";
    const [created] = await tx
      .insert(awards)
      .values({
        reference: `AW-${year}-${String(n).padStart(4, "0")}`,
        programId: programId(program),
        implementingPartnerId: oas.id,
        countryIso2: request.countryIso2,
        titleEn: request.titleEn,
        titleEs: request.titleEs,
        amountMinor,
        currency: "USD",
        startsOn,
        endsOn,
        status,
        createdById: officer.id,
      })
      .returning();
    await tx.insert(awardRequests).values({ awardId: created.id, requestId: request.id });
    // The reporting calendar, as createAward builds it.
    await tx.insert(reportingPeriods).values(calendarRows(created.id, { startsOn, endsOn, frequencyMonths: created.reportingFrequencyMonths }));
    const half = Math.floor(amountMinor / 2);
    await tx.insert(awardTranches).values([
      { awardId: created.id, position: 1, plannedAmountMinor: half, plannedOn: startsOn },
      { awardId: created.id, position: 2, plannedAmountMinor: amountMinor - half, plannedOn: "2027-06-30" },
    ]);
    await tx.insert(awardDeliverables).values([
      { awardId: created.id, title: "Inception plan agreed with the national agencies", dueOn: addDays(todayIso(), -70), status: "accepted" },
      // Past due and not accepted: shows as late on the dashboards.
      { awardId: created.id, title: "Baseline survey of the participating agencies", dueOn: addDays(todayIso(), -15), status: "pending" },
      { awardId: created.id, title: "First delivery and training completed", dueOn: "2027-06-30" },
    ]);
    await tx.insert(auditEvents).values({
      actorUserId: officer.id,
      action: "award.create",
      entityType: "award",
      entityId: created.id,
      details: { reference: created.reference, seeded: true },
    });
  };

  // Jamaica's eTrace onboarding: in review, the reviewer still has to declare conflicts.
  await move("0d3f0000-0000-4000-8000-000000000003", ["screening", "in_review"], async (tx, request) => {
    await tx
      .insert(reviewAssignments)
      .values({ requestId: request.id, reviewerId: reviewer.id, assignedById: officer.id, programId: programId("cbsi") })
      .onConflictDoNothing();
  });
  // Trinidad and Tobago's stockpile assessment: approved, ready to award.
  await move("0d3f0000-0000-4000-8000-000000000007", ["screening", "in_review", "approved"], (tx, request) =>
    approve(tx, request, "Approved: assessment of four sites following international stockpile guidelines."),
  );
  // The Dominican Republic's registry: awarded above the program's threshold, awaiting a second approval.
  await move("0d3f0000-0000-4000-8000-000000000008", ["screening", "in_review", "approved", "awarded"], async (tx, request) => {
    await approve(tx, request, "Approved: digitization in two phases.");
    await award(tx, request, "oas-marking", "pending_approval");
  });
  // Honduras's investigation training: awarded and active, implemented by the OAS.
  await move("0d3f0000-0000-4000-8000-000000000005", ["screening", "in_review", "approved", "awarded"], async (tx, request) => {
    await approve(tx, request, "Approved: one course for 60 prosecutors and investigators.");
    await award(tx, request, "merida-ca", "active");
  });
}
