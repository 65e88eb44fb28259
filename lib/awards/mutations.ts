import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { execRows, type Tx } from "@/db/client";
import {
  awardDeliverables,
  awardRequests,
  awards,
  awardTranches,
  organizations,
  programCategories,
  programCountries,
  programs,
} from "@/db/schema";
import type { AssistanceCategory } from "@/lib/enums";
import { denied } from "@/lib/audit/mutations";
import { isWithin } from "@/lib/dates";
import { enqueueMail } from "@/lib/email/outbox";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/translate";
import { audit, defineMutation } from "@/lib/mutations/define";
import { recordId, version } from "@/lib/mutations/parse";
import { applyTransition, focalPointsOf } from "@/lib/requests/unchecked";
import { getVisibleRequest } from "@/lib/requests/queries";
import { majorToMinor } from "@/lib/money";
import { ensureReportingCalendarTx } from "@/lib/reporting/unchecked";
import { reviewedAnyRequestOf } from "./unchecked";
import { createAwardSchema, type CreateAwardInput } from "./schema";
import { approvalBlocker, fundingViolationOf, initialAwardStatus } from "./workflow";
import { committedFundsOf } from "@/lib/programs/funds";
import { recipientsOf } from "@/lib/users/recipients";

export type { MutationContext } from "@/lib/mutations/define";

function invalid(field: string, key: MessageKey): ValidationError {
  return new ValidationError({ [field]: { key } }, { key: "common.errors.invalidInput" });
}

/** The active users of an implementing partner organization, to whom an active award is announced. */
async function partnerUsersOf(tx: Tx, organizationId: string) {
  return recipientsOf(tx, { role: "implementing_partner", organization: organizationId });
}

interface AwardMailFacts {
  id: string;
  reference: string;
  amountMinor: number;
  currency: string;
  countryIso2: string;
  implementingPartnerId: string;
  program: { nameEn: string; nameEs: string };
}

/** "award-notice" to the country's focal points and the partner's users: the award is active. */
async function announceActiveAward(tx: Tx, award: AwardMailFacts, baseUrl: string): Promise<void> {
  const recipients = [...(await focalPointsOf(tx, award.countryIso2)), ...(await partnerUsersOf(tx, award.implementingPartnerId))];
  const seen = new Set<string>();
  for (const r of recipients) {
    if (seen.has(r.email)) continue;
    seen.add(r.email);
    await enqueueMail(tx, {
      template: "award-notice",
      to: r.email,
      locale: r.locale,
      payload: {
        reference: award.reference,
        programName: { en: award.program.nameEn, es: award.program.nameEs },
        amountMinor: award.amountMinor,
        currency: award.currency,
        url: `${baseUrl}/awards/${award.id}`,
      },
    });
  }
}

/**
 * "award-approval-needed" to every active approver. The award's creator is left out even when they also
 * hold the approver role: segregation of duties bars them from approving it.
 */
async function askForApproval(tx: Tx, award: AwardMailFacts, createdById: string, baseUrl: string): Promise<void> {
  const approvers = await recipientsOf(tx, { role: "approver", except: createdById });
  for (const a of approvers) {
    await enqueueMail(tx, {
      template: "award-approval-needed",
      to: a.email,
      locale: a.locale,
      payload: {
        reference: award.reference,
        programName: { en: award.program.nameEn, es: award.program.nameEs },
        amountMinor: award.amountMinor,
        currency: award.currency,
        url: `${baseUrl}/awards/${award.id}`,
      },
    });
  }
}

/** AW-2026-0042: the year and the next number of award_number_seq (atomic, never reused). */
async function nextAwardReference(tx: Tx): Promise<string> {
  const [row] = await execRows<{ n: string | number }>(tx, sql`SELECT nextval('award_number_seq') AS n`);
  return `AW-${new Date().getUTCFullYear()}-${String(Number(row.n)).padStart(4, "0")}`;
}

/**
 * Creates an award from an approved request: the request moves to "awarded" and the award is written
 * with its tranches and deliverables, its audit event and its mails, in one transaction. The award is
 * active at or below the program's approval threshold, else it waits for a second approval; either way
 * its amount counts against the program's ceiling at once. The database refuses an award that would
 * exceed the ceiling or the per-award cap (a trigger that locks the program row), so parallel awards
 * can never overspend it: the loser gets a ValidationError on "amount" and nothing is written.
 * Program officers.
 */
export const createAward = defineMutation({
  permission: "awards.create",
  input: createAwardSchema,
  load: async (actor, value) => {
    const request = await getVisibleRequest(actor.user, value.requestId, { ctx: actor, action: "award.create" });
    // The form was opened on an older state of the request: someone else acted first.
    if (request.version !== value.expectedVersion) throw new ConflictError("request changed");
    if (request.status !== "approved") throw new ValidationError({}, { key: "awards.errors.requestNotApproved" });
    return request;
  },
  run: async (tx, { actor, input: value, record: request }): Promise<{ id: string; reference: string; status: "active" | "pending_approval" }> => {
    const amountMinor = majorToMinor(value.amount);
    try {
      const program = await checkProgram(tx, value, request);
      await checkPartner(tx, value.implementingPartnerId);
      // A friendly early answer; the trigger in the database is the guarantee (it sees parallel awards).
      if (program.perAwardCapMinor !== null && amountMinor > program.perAwardCapMinor) throw invalid("amount", "awards.errors.exceedsCap");
      if (amountMinor > program.ceilingMinor - (await committedFundsOf(tx, program.id))) throw invalid("amount", "awards.errors.exceedsRemaining");

      await applyTransition(tx, actor.user, request, "award", value.expectedVersion, actor);
      const reference = await nextAwardReference(tx);
      const status = initialAwardStatus(amountMinor, program.approvalThresholdMinor);
      const [award] = await tx
        .insert(awards)
        .values({
          reference,
          programId: program.id,
          implementingPartnerId: value.implementingPartnerId,
          countryIso2: request.countryIso2,
          titleEn: request.titleEn,
          titleEs: request.titleEs,
          amountMinor,
          currency: program.currency,
          startsOn: value.startsOn,
          endsOn: value.endsOn,
          status,
          createdById: actor.user.id,
        })
        .returning({ id: awards.id });
      await tx.insert(awardRequests).values({ awardId: award.id, requestId: request.id });
      await tx.insert(awardTranches).values(
        value.tranches.map((t, i) => ({ awardId: award.id, position: i + 1, plannedAmountMinor: majorToMinor(t.amount), plannedOn: t.plannedOn })),
      );
      if (value.deliverables.length > 0) {
        await tx.insert(awardDeliverables).values(value.deliverables.map((d) => ({ awardId: award.id, title: d.title, dueOn: d.dueOn })));
      }
      // The reporting calendar comes with the award, active or awaiting approval (its page shows it and
      // tranche conditions name its periods), so that no page has to create it while reading.
      await ensureReportingCalendarTx(tx, award.id);
      await audit(tx, actor, {
        action: "award.create",
        entityType: "award",
        entityId: award.id,
        details: {
          reference,
          requestId: request.id,
          requestReference: request.reference,
          programId: program.id,
          implementingPartnerId: value.implementingPartnerId,
          amountMinor,
          currency: program.currency,
          status,
          tranches: value.tranches.length,
          deliverables: value.deliverables.length,
        },
      });
      const facts: AwardMailFacts = {
        id: award.id,
        reference,
        amountMinor,
        currency: program.currency,
        countryIso2: request.countryIso2,
        implementingPartnerId: value.implementingPartnerId,
        program,
      };
      if (status === "active") await announceActiveAward(tx, facts, actor.baseUrl);
      else await askForApproval(tx, facts, actor.user.id, actor.baseUrl);
      return { id: award.id, reference, status };
    } catch (error) {
      // The trigger refused the insert: the whole transaction rolls back (the request is still approved
      // and nothing was written) and the amount is what the form is told about.
      const violation = fundingViolationOf(error);
      if (violation === "ceiling") throw invalid("amount", "awards.errors.exceedsRemaining");
      if (violation === "cap") throw invalid("amount", "awards.errors.exceedsCap");
      throw error;
    }
  },
});

/** The program must exist, fund the request's country and category, and cover the award's period. */
async function checkProgram(
  tx: Tx,
  value: CreateAwardInput,
  request: { countryIso2: string; category: AssistanceCategory | null },
) {
  const [program] = await tx.select().from(programs).where(eq(programs.id, value.programId));
  if (!program || !request.category) throw invalid("programId", "awards.errors.programNotEligible");
  const [country] = await tx
    .select({ id: programCountries.programId })
    .from(programCountries)
    .where(and(eq(programCountries.programId, program.id), eq(programCountries.countryIso2, request.countryIso2)));
  const [category] = await tx
    .select({ id: programCategories.programId })
    .from(programCategories)
    .where(and(eq(programCategories.programId, program.id), eq(programCategories.category, request.category)));
  if (!country || !category) throw invalid("programId", "awards.errors.programNotEligible");
  const fieldErrors: FieldErrors = {};
  if (!isWithin(value.startsOn, program)) fieldErrors.startsOn = { key: "awards.errors.outsideProgramPeriod" };
  if (value.endsOn > program.endsOn || value.endsOn < program.startsOn) fieldErrors.endsOn = { key: "awards.errors.outsideProgramPeriod" };
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors, { key: "common.errors.invalidInput" });
  return program;
}

async function checkPartner(tx: Tx, organizationId: string): Promise<void> {
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.type, "implementing_partner")));
  if (!org) throw invalid("implementingPartnerId", "awards.errors.partnerNotImplementing");
}

/** The award and the version the approver saw; a version that is no number answers "awards.errors.version". */
const approveAwardSchema = z.strictObject({ awardId: recordId(), expectedVersion: z.unknown() }).transform((value, ctx) => {
  const expectedVersion = version().safeParse(value.expectedVersion);
  if (!expectedVersion.success) {
    ctx.addIssue({ code: "custom", path: [], message: "awards.errors.version" });
    return z.NEVER;
  }
  return { awardId: value.awardId, expectedVersion: expectedVersion.data };
});

/**
 * The second approval of an award above its program's threshold: pending_approval -> active, on the
 * version the approver saw, with the audit event and the award notices. Segregation of duties: the
 * approver neither created the award nor reviewed any of its requests (ValidationError
 * "awards.errors.segregation": the approver may see the award, and is told in words why they may not
 * approve it), and the refusal is audited as denied once the transaction has rolled back. Two approvals
 * at once make one (the other gets ConflictError). Approvers.
 */
export const approveAward = defineMutation({
  permission: "awards.approve",
  input: approveAwardSchema,
  run: async (tx, { actor, input: { awardId, expectedVersion } }): Promise<{ id: string; version: number }> => {
    const [award] = await tx.select().from(awards).where(eq(awards.id, awardId));
    if (!award) throw new NotFoundError("award");
    if (award.version !== expectedVersion) throw new ConflictError("award changed", "awards.errors.conflict");
    const blocker = approvalBlocker(actor.user, award, await reviewedAnyRequestOf(tx, actor.user.id, award.id));
    if (blocker === "notPending" || blocker === "notApprover") throw new ValidationError({}, { key: "awards.errors.notPendingApproval" });
    if (blocker) {
      throw denied(new ValidationError({}, { key: "awards.errors.segregation" }), {
        action: "award.approve",
        entityType: "award",
        entityId: award.id,
        details: { reference: award.reference, reason: blocker, amountMinor: award.amountMinor, currency: award.currency },
      });
    }

    let updated;
    try {
      [updated] = await tx
        .update(awards)
        .set({ status: "active", approvedById: actor.user.id, approvedAt: new Date(), version: sql`${awards.version} + 1`, updatedAt: new Date() })
        .where(and(eq(awards.id, award.id), eq(awards.version, expectedVersion), eq(awards.status, "pending_approval")))
        .returning({ version: awards.version });
    } catch (error) {
      // Only possible if the program's funds changed under a pending award (the program editor prevents it).
      const violation = fundingViolationOf(error);
      if (violation) throw new ValidationError({}, { key: violation === "cap" ? "awards.errors.exceedsCap" : "awards.errors.exceedsRemaining" });
      throw error;
    }
    if (!updated) throw new ConflictError("award changed", "awards.errors.conflict");
    // Built at creation; an award created before that rule gets it now, as it becomes active.
    await ensureReportingCalendarTx(tx, award.id);
    await audit(tx, actor, {
      action: "award.approve",
      entityType: "award",
      entityId: award.id,
      details: { reference: award.reference, amountMinor: award.amountMinor, currency: award.currency, from: "pending_approval", to: "active" },
    });
    const [program] = await tx.select({ nameEn: programs.nameEn, nameEs: programs.nameEs }).from(programs).where(eq(programs.id, award.programId));
    await announceActiveAward(tx, { ...award, program }, actor.baseUrl);
    return { id: award.id, version: updated.version };
  },
});
