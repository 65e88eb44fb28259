import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { execRows, type Tx } from "@/db/client";
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
import { enqueueMail } from "@/lib/email/outbox";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { audit, defineMutation, todayOf, type Actor } from "@/lib/mutations/define";
import { invalidField, NOT_FOUND_ISSUE, recordId, refused, version } from "@/lib/mutations/parse";
import { majorToMinor } from "@/lib/money";
import { getVisibleRequest, isFilerFor, type RequestRecord } from "./queries";
import { requestDraftSchema, submitRequestSchema, type RequestDraft } from "./schema";
import { canTransition, isEditable } from "./workflow";
import { recipientsOf } from "@/lib/users/recipients";

/**
 * A request form's input: its content beside the call's own fields (`shape`, and `submit`). The content
 * is parsed with the draft schema, or to submit with the submission schema, its issues kept on their
 * fields as the form places them; a bad call field refuses the whole form (a malformed record id: not
 * found).
 */
function withContent<Shape extends z.ZodRawShape>(shape: Shape) {
  const options = z.object({ ...shape, submit: z.boolean().default(false) });
  return z.looseObject({}).transform((raw, ctx) => {
    const values: Record<string, unknown> = { ...raw };
    const picked: Record<string, unknown> = {};
    for (const key of Object.keys(options.shape)) {
      picked[key] = values[key];
      delete values[key];
    }
    const call = options.safeParse(picked);
    if (!call.success) {
      for (const issue of call.error.issues) {
        ctx.addIssue({ code: "custom", message: issue.message === NOT_FOUND_ISSUE ? NOT_FOUND_ISSUE : "common.errors.invalidInput", path: [] });
      }
      return z.NEVER;
    }
    const { submit } = call.data as { submit: boolean };
    const content = (submit ? submitRequestSchema : requestDraftSchema).safeParse(values);
    if (!content.success) {
      for (const issue of content.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { ...call.data, submit, content: content.data as RequestDraft };
  });
}

/** A desired start already past cannot be submitted (a draft may keep one). */
function checkStart(actor: Actor, submit: boolean, value: RequestDraft): void {
  if (submit && value.desiredStartOn && value.desiredStartOn < todayOf(actor)) throw invalidField("desiredStartOn", "requests.errors.startInPast");
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
    throw invalidField("programIds", "requests.errors.programNotEligible");
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
async function recordSubmission(tx: Tx, actor: Actor, request: RequestRecord, number: number) {
  await tx.insert(requestRevisions).values({
    requestId: request.id,
    number,
    snapshot: await snapshotOf(tx, request.id),
    submittedById: actor.user.id,
  });
  await audit(tx, actor, {
    action: number === 1 ? "request.submit" : "request.resubmit",
    entityType: "request",
    entityId: request.id,
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
        url: `${actor.baseUrl}/requests/${fresh.id}`,
      },
    });
  }
}

/**
 * Creates a request for the focal point's own country, as a draft or submitted at once (`submit`).
 * `creationKey` makes a retried or double-clicked create yield one request. Focal points.
 */
export const createRequest = defineMutation({
  permission: "requests.file",
  input: withContent({ creationKey: z.string().refine(isUuid) }),
  load: async (actor, input): Promise<string> => {
    if (!actor.user.countryIso2) throw new NotFoundError("request");
    checkStart(actor, input.submit, input.content);
    return actor.user.countryIso2;
  },
  run: async (tx, { actor, input, record: countryIso2 }): Promise<{ id: string; status: RequestStatus }> => {
    const { content: value, submit, creationKey } = input;
    const [existing] = await tx
      .select({ id: assistanceRequests.id, status: assistanceRequests.status, createdById: assistanceRequests.createdById })
      .from(assistanceRequests)
      .where(eq(assistanceRequests.creationKey, creationKey));
    if (existing) {
      if (existing.createdById !== actor.user.id) throw new ConflictError("creation key reused");
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
        createdById: actor.user.id,
        creationKey,
        status: submit ? "submitted" : "draft",
        submittedAt: submit ? new Date() : null,
        revisionCount: submit ? 1 : 0,
      })
      .onConflictDoNothing({ target: assistanceRequests.creationKey })
      .returning();
    if (inserted.length === 0) {
      // A parallel create with the same key won: this is the same request.
      const [winner] = await tx.select().from(assistanceRequests).where(eq(assistanceRequests.creationKey, creationKey));
      return { id: winner.id, status: winner.status };
    }
    const request = inserted[0];
    await replacePrograms(tx, request.id, value.programIds);
    await audit(tx, actor, { action: "request.create", entityType: "request", entityId: request.id, details: { reference } });
    if (submit) await recordSubmission(tx, actor, request, 1);
    return { id: request.id, status: request.status };
  },
});

/**
 * Saves the content of a draft or a request with changes requested, and optionally submits it
 * (`submit`), in one conditional update on the version the form was opened with (`expectedVersion`).
 * Focal points of the request's country.
 */
export const saveRequest = defineMutation({
  permission: "requests.file",
  input: withContent({ requestId: recordId(), expectedVersion: version() }),
  load: async (actor, input) => {
    const request = await getVisibleRequest(actor.user, input.requestId, { ctx: actor, action: "request.update" });
    if (!isFilerFor(actor.user, request.countryIso2)) throw new NotFoundError("request");
    // A double click or retried POST of the same submission: the first one did it.
    if (input.submit && alreadySubmittedBy(request, input.expectedVersion)) return { request, isDone: true };
    if (!isEditable(request.status)) throw refused("requests.errors.notEditable");
    checkStart(actor, input.submit, input.content);
    return { request, isDone: false };
  },
  run: async (tx, { actor, input, record: { request, isDone } }): Promise<{ id: string; status: RequestStatus; version: number }> => {
    if (isDone) return { id: request.id, status: request.status, version: request.version };
    const { content: value, submit, expectedVersion } = input;
    await checkPrograms(tx, request.countryIso2, value);
    const revision = request.revisionCount + 1;
    const updated = await tx
      .update(assistanceRequests)
      .set({
        ...contentColumns(value),
        version: sql`${assistanceRequests.version} + 1`,
        updatedAt: new Date(),
        ...(submit ? { status: "submitted" as const, submittedAt: new Date(), revisionCount: revision } : {}),
      })
      .where(
        and(
          eq(assistanceRequests.id, request.id),
          eq(assistanceRequests.version, expectedVersion),
          inArray(assistanceRequests.status, ["draft", "changes_requested"]),
        ),
      )
      .returning();
    if (updated.length === 0) {
      const [now] = await tx.select().from(assistanceRequests).where(eq(assistanceRequests.id, request.id));
      // A double click or retried POST of the same submission: the first one did it.
      if (submit && now && alreadySubmittedBy(now, expectedVersion)) {
        return { id: now.id, status: now.status, version: now.version };
      }
      throw new ConflictError("request changed");
    }
    await replacePrograms(tx, request.id, value.programIds);
    await audit(tx, actor, { action: "request.update", entityType: "request", entityId: request.id, details: { version: updated[0].version } });
    if (submit) await recordSubmission(tx, actor, updated[0], revision);
    return { id: request.id, status: updated[0].status, version: updated[0].version };
  },
});

/** The request was submitted by the update that followed the version this form was opened with. */
function alreadySubmittedBy(request: { status: RequestStatus; version: number }, expectedVersion: number): boolean {
  return request.status === "submitted" && request.version === expectedVersion + 1;
}

/** Withdraws a draft or a submitted request, on the version the page showed. Focal points of the request's country. */
export const withdrawRequest = defineMutation({
  permission: "requests.file",
  input: z.strictObject({ requestId: recordId(), expectedVersion: version() }),
  load: async (actor, input) => {
    const request = await getVisibleRequest(actor.user, input.requestId, { ctx: actor, action: "request.withdraw" });
    if (!isFilerFor(actor.user, request.countryIso2)) throw new NotFoundError("request");
    const isRepeated = request.status === "withdrawn" && request.version === input.expectedVersion + 1;
    if (!isRepeated && !canTransition(actor.user.roles, request.status, "withdraw")) throw refused("requests.errors.notAllowed");
    return { request, isRepeated };
  },
  run: async (tx, { actor, input, record: { request, isRepeated } }): Promise<void> => {
    if (isRepeated) return; // a repeated click
    const updated = await tx
      .update(assistanceRequests)
      .set({ status: "withdrawn", version: sql`${assistanceRequests.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(assistanceRequests.id, request.id),
          eq(assistanceRequests.version, input.expectedVersion),
          inArray(assistanceRequests.status, ["draft", "submitted"]),
        ),
      )
      .returning({ id: assistanceRequests.id });
    if (updated.length === 0) throw new ConflictError("request changed");
    await audit(tx, actor, { action: "request.withdraw", entityType: "request", entityId: request.id, details: { from: request.status } });
  },
});
