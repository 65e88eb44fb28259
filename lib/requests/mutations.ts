import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { execRows, getDb, type Tx } from "@/db/client";
import {
  assistanceRequests,
  countries,
  programCategories,
  programCountries,
  requestAttachments,
  requestPrograms,
  requestRevisions,
} from "@/db/schema";
import type { RequestStatus } from "@/lib/enums";
import { recordAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { enqueueMail } from "@/lib/email/outbox";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { isUuid, isVersion } from "@/lib/ids";
import type { MessageKey } from "@/lib/i18n/translate";
import { getVisibleRequest, isFilerFor, type RequestRecord } from "./queries";
import { majorToMinor, requestDraftSchema, submitRequestSchema, type RequestDraft } from "./schema";
import { canTransition, isEditable, nextStatus, type RequestEvent } from "./workflow";
import { recipientsOf } from "@/lib/users/recipients";

import type { MutationContext } from "@/lib/mutations/define";
export type { MutationContext };

function toFieldErrors(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    if (!out[key]) out[key] = { key: issue.message as MessageKey };
  }
  return out;
}

function parseContent(input: unknown, forSubmit: boolean): RequestDraft {
  const result = (forSubmit ? submitRequestSchema : requestDraftSchema).safeParse(input);
  if (!result.success) throw new ValidationError(toFieldErrors(result.error.issues), { key: "common.errors.invalidInput" });
  const value = result.data;
  if (forSubmit && value.desiredStartOn && value.desiredStartOn < new Date().toISOString().slice(0, 10)) {
    throw new ValidationError({ desiredStartOn: { key: "requests.errors.startInPast" } }, { key: "common.errors.invalidInput" });
  }
  return value;
}

/** The columns a draft's content sets. */
function contentColumns(value: RequestDraft) {
  return {
    primaryLocale: value.primaryLocale,
    category: value.category ?? null,
    titleEn: value.titleEn ?? null,
    titleEs: value.titleEs ?? null,
    narrativeEn: value.narrativeEn ?? null,
    narrativeEs: value.narrativeEs ?? null,
    justificationEn: value.justificationEn ?? null,
    justificationEs: value.justificationEs ?? null,
    details: Object.fromEntries(Object.entries(value.details).filter(([, v]) => v !== undefined)),
    estimatedCostMinor: value.estimatedCost === undefined ? null : majorToMinor(value.estimatedCost),
    currency: "USD",
    urgency: value.urgency ?? null,
    desiredStartOn: value.desiredStartOn ?? null,
  };
}

/** Every chosen program must fund this country and (when chosen) this category. */
async function checkPrograms(tx: Tx, countryIso2: string, value: RequestDraft): Promise<void> {
  const ids = [...new Set(value.programIds)];
  if (ids.length === 0) return;
  const eligible = await tx
    .select({ id: programCountries.programId })
    .from(programCountries)
    .where(and(eq(programCountries.countryIso2, countryIso2), inArray(programCountries.programId, ids)));
  let ok = new Set(eligible.map((e) => e.id));
  if (value.category) {
    const byCategory = await tx
      .select({ id: programCategories.programId })
      .from(programCategories)
      .where(and(eq(programCategories.category, value.category), inArray(programCategories.programId, ids)));
    const cat = new Set(byCategory.map((e) => e.id));
    ok = new Set([...ok].filter((id) => cat.has(id)));
  }
  if (ids.some((id) => !ok.has(id))) {
    throw new ValidationError({ programIds: { key: "requests.errors.programNotEligible" } }, { key: "common.errors.invalidInput" });
  }
}

async function replacePrograms(tx: Tx, requestId: string, programIds: string[]): Promise<void> {
  await tx.delete(requestPrograms).where(eq(requestPrograms.requestId, requestId));
  const ids = [...new Set(programIds)];
  if (ids.length) await tx.insert(requestPrograms).values(ids.map((programId) => ({ requestId, programId })));
}

/** The next reference for a country and year, e.g. GT-2026-0007 (atomic, per country and year). */
async function nextReference(tx: Tx, countryIso2: string): Promise<string> {
  const year = new Date().getUTCFullYear();
  const [row] = await execRows<{ last_number: number }>(
    tx,
    sql`INSERT INTO request_reference_counters (country_iso2, year, last_number) VALUES (${countryIso2}, ${year}, 1)
        ON CONFLICT (country_iso2, year) DO UPDATE SET last_number = request_reference_counters.last_number + 1
        RETURNING last_number`,
  );
  return `${countryIso2}-${year}-${String(row.last_number).padStart(4, "0")}`;
}

/** What a revision keeps: the content as submitted. */
async function snapshotOf(tx: Tx, requestId: string): Promise<Record<string, unknown>> {
  const [r] = await tx.select().from(assistanceRequests).where(eq(assistanceRequests.id, requestId));
  const programRows = await tx.select({ id: requestPrograms.programId }).from(requestPrograms).where(eq(requestPrograms.requestId, requestId));
  const files = await tx
    .select({ filename: requestAttachments.filename, sha256: requestAttachments.sha256 })
    .from(requestAttachments)
    .where(eq(requestAttachments.requestId, requestId))
    .orderBy(asc(requestAttachments.createdAt));
  return {
    primaryLocale: r.primaryLocale,
    category: r.category,
    titleEn: r.titleEn,
    titleEs: r.titleEs,
    narrativeEn: r.narrativeEn,
    narrativeEs: r.narrativeEs,
    justificationEn: r.justificationEn,
    justificationEs: r.justificationEs,
    details: r.details,
    estimatedCostMinor: r.estimatedCostMinor,
    currency: r.currency,
    urgency: r.urgency,
    desiredStartOn: r.desiredStartOn,
    programIds: programRows.map((p) => p.id).sort(),
    attachments: files.map((f) => `${f.filename} (${f.sha256.slice(0, 12)})`),
  };
}

/** Records the submission: a revision, the audit event and a mail to every active program officer. */
async function recordSubmission(tx: Tx, user: CurrentUser, request: RequestRecord, number: number, ctx: MutationContext) {
  await tx.insert(requestRevisions).values({
    requestId: request.id,
    number,
    snapshot: await snapshotOf(tx, request.id),
    submittedById: user.id,
  });
  await recordAudit(tx, {
    actorUserId: user.id,
    action: number === 1 ? "request.submit" : "request.resubmit",
    entityType: "request",
    entityId: request.id,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    details: { revision: number, reference: request.reference },
  });
  const officers = await recipientsOf(tx, { role: "program_officer" });
  const [fresh] = await tx.select().from(assistanceRequests).where(eq(assistanceRequests.id, request.id));
  const [country] = await tx.select().from(countries).where(eq(countries.iso2, fresh.countryIso2));
  for (const officer of officers) {
    await enqueueMail(tx, {
      template: "request-submitted",
      to: officer.email,
      locale: officer.locale,
      payload: {
        reference: fresh.reference,
        title: (fresh.primaryLocale === "es" ? fresh.titleEs : fresh.titleEn) ?? fresh.reference,
        countryNameEn: country.nameEn,
        countryNameEs: country.nameEs,
        category: fresh.category ?? "other",
        revision: number,
        url: `${ctx.baseUrl}/requests/${fresh.id}`,
      },
    });
  }
}

function requireFiler(user: CurrentUser): string {
  if (!hasPermission(user, "requests.file") || !user.countryIso2) throw new NotFoundError("request");
  return user.countryIso2;
}

/**
 * Creates a request for the focal point's own country, as a draft or submitted at once.
 * `creationKey` makes a retried or double-clicked create yield one request. Focal points.
 */
export async function createRequest(
  user: CurrentUser,
  input: unknown,
  options: { submit: boolean; creationKey: string },
  ctx: MutationContext,
): Promise<{ id: string; status: RequestStatus }> {
  const countryIso2 = requireFiler(user);
  const value = parseContent(input, options.submit);
  if (!isUuid(options.creationKey)) throw new ValidationError({}, { key: "common.errors.invalidInput" });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: assistanceRequests.id, status: assistanceRequests.status, createdById: assistanceRequests.createdById })
      .from(assistanceRequests)
      .where(eq(assistanceRequests.creationKey, options.creationKey));
    if (existing) {
      if (existing.createdById !== user.id) throw new ConflictError("creation key reused");
      return { id: existing.id, status: existing.status };
    }
    await checkPrograms(tx, countryIso2, value);
    const reference = await nextReference(tx, countryIso2);
    const inserted = await tx
      .insert(assistanceRequests)
      .values({
        ...contentColumns(value),
        reference,
        countryIso2,
        createdById: user.id,
        creationKey: options.creationKey,
        status: options.submit ? "submitted" : "draft",
        submittedAt: options.submit ? new Date() : null,
        revisionCount: options.submit ? 1 : 0,
      })
      .onConflictDoNothing({ target: assistanceRequests.creationKey })
      .returning();
    if (inserted.length === 0) {
      // A parallel create with the same key won: this is the same request.
      const [winner] = await tx.select().from(assistanceRequests).where(eq(assistanceRequests.creationKey, options.creationKey));
      return { id: winner.id, status: winner.status };
    }
    const request = inserted[0];
    await replacePrograms(tx, request.id, value.programIds);
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "request.create",
      entityType: "request",
      entityId: request.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { reference },
    });
    if (options.submit) await recordSubmission(tx, user, request, 1, ctx);
    return { id: request.id, status: request.status };
  });
}

/**
 * Saves the content of a draft or a request with changes requested, and optionally submits it, in one
 * conditional update on the version the form was opened with. Focal points of the request's country.
 */
export async function saveRequest(
  user: CurrentUser,
  requestId: string,
  input: unknown,
  options: { submit: boolean; expectedVersion: number },
  ctx: MutationContext,
): Promise<{ id: string; status: RequestStatus; version: number }> {
  const db = await getDb();
  const request = await getVisibleRequest(user, requestId, { ctx, action: "request.update" });
  if (!isFilerFor(user, request.countryIso2)) throw new NotFoundError("request");
  if (!isVersion(options.expectedVersion)) throw new ValidationError({}, { key: "common.errors.invalidInput" });
  if (options.submit && alreadySubmittedBy(request, options.expectedVersion)) {
    return { id: request.id, status: request.status, version: request.version };
  }
  if (!isEditable(request.status)) throw new ValidationError({}, { key: "requests.errors.notEditable" });
  const value = parseContent(input, options.submit);
  return db.transaction(async (tx) => {
    await checkPrograms(tx, request.countryIso2, value);
    const revision = request.revisionCount + 1;
    const updated = await tx
      .update(assistanceRequests)
      .set({
        ...contentColumns(value),
        version: sql`${assistanceRequests.version} + 1`,
        updatedAt: new Date(),
        ...(options.submit ? { status: "submitted" as const, submittedAt: new Date(), revisionCount: revision } : {}),
      })
      .where(
        and(
          eq(assistanceRequests.id, request.id),
          eq(assistanceRequests.version, options.expectedVersion),
          inArray(assistanceRequests.status, ["draft", "changes_requested"]),
        ),
      )
      .returning();
    if (updated.length === 0) {
      const [now] = await tx.select().from(assistanceRequests).where(eq(assistanceRequests.id, request.id));
      // A double click or retried POST of the same submission: the first one did it.
      if (options.submit && now && alreadySubmittedBy(now, options.expectedVersion)) {
        return { id: now.id, status: now.status, version: now.version };
      }
      throw new ConflictError("request changed");
    }
    await replacePrograms(tx, request.id, value.programIds);
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "request.update",
      entityType: "request",
      entityId: request.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { version: updated[0].version },
    });
    if (options.submit) await recordSubmission(tx, user, updated[0], revision, ctx);
    return { id: request.id, status: updated[0].status, version: updated[0].version };
  });
}

/** The request was submitted by the update that followed the version this form was opened with. */
function alreadySubmittedBy(request: { status: RequestStatus; version: number }, expectedVersion: number): boolean {
  return request.status === "submitted" && request.version === expectedVersion + 1;
}

/** Withdraws a draft or a submitted request. Focal points of the request's country. */
export async function withdrawRequest(
  user: CurrentUser,
  requestId: string,
  expectedVersion: number,
  ctx: MutationContext,
): Promise<void> {
  const request = await getVisibleRequest(user, requestId, { ctx, action: "request.withdraw" });
  if (!isFilerFor(user, request.countryIso2)) throw new NotFoundError("request");
  if (!isVersion(expectedVersion)) throw new ValidationError({}, { key: "common.errors.invalidInput" });
  if (request.status === "withdrawn" && request.version === expectedVersion + 1) return; // repeated click
  if (!canTransition(user.roles, request.status, "withdraw")) {
    throw new ValidationError({}, { key: "requests.errors.notAllowed" });
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(assistanceRequests)
      .set({ status: "withdrawn", version: sql`${assistanceRequests.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(assistanceRequests.id, request.id),
          eq(assistanceRequests.version, expectedVersion),
          inArray(assistanceRequests.status, ["draft", "submitted"]),
        ),
      )
      .returning({ id: assistanceRequests.id });
    if (updated.length === 0) throw new ConflictError("request changed");
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "request.withdraw",
      entityType: "request",
      entityId: request.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { from: request.status },
    });
  });
}

/**
 * Moves a request along the workflow inside the caller's transaction: checks the role and state with
 * the pure workflow, then a conditional UPDATE on the version the user saw (zero rows: someone else
 * acted first -> ConflictError, nothing applied), then the audit event. The caller adds its own rows
 * (screening, decision, mails) in the same transaction. Who may act on this particular record
 * (assignment, own country) is the caller's check.
 */
export async function applyTransition(
  tx: Tx,
  user: CurrentUser,
  request: { id: string; status: RequestStatus; reference: string; version: number },
  event: RequestEvent,
  expectedVersion: number,
  ctx: Pick<MutationContext, "ip" | "userAgent">,
  details: Record<string, unknown> = {},
): Promise<{ status: RequestStatus; version: number }> {
  // The user acted on an older state of the request: someone else moved it first.
  if (request.version !== expectedVersion) throw new ConflictError("request changed");
  if (!canTransition(user.roles, request.status, event)) throw new ValidationError({}, { key: "requests.errors.notAllowed" });
  const to = nextStatus(request.status, event)!;
  const updated = await tx
    .update(assistanceRequests)
    .set({ status: to, version: sql`${assistanceRequests.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(assistanceRequests.id, request.id),
        eq(assistanceRequests.version, expectedVersion),
        eq(assistanceRequests.status, request.status),
      ),
    )
    .returning({ status: assistanceRequests.status, version: assistanceRequests.version });
  if (updated.length === 0) throw new ConflictError("request changed");
  await recordAudit(tx, {
    actorUserId: user.id,
    action: `request.${event}`,
    entityType: "request",
    entityId: request.id,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    details: { from: request.status, to, reference: request.reference, ...details },
  });
  return updated[0];
}

/** The active focal points of a country, to whom the program office writes about its requests. */
export async function focalPointsOf(tx: Tx, countryIso2: string): Promise<{ email: string; locale: "en" | "es"; name: string | null }[]> {
  return recipientsOf(tx, { role: "focal_point", country: countryIso2 });
}
