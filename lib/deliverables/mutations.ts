import "server-only";
import { createHash } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { awardDeliverables, awards, deliverableEvidence } from "@/db/schema";
import { ATTACHMENT_LIMITS, safeFilename } from "@/lib/attachments/detect";
import { checkUploads, uploadedFiles, type UploadedFile } from "@/lib/attachments/uploaded-files";
import type { Reach } from "@/lib/audit/mutations";
import { isWithin } from "@/lib/dates";
import { getAward } from "@/lib/awards/queries";
import { awardPeople } from "@/lib/awards/people";
import { forRecord } from "@/lib/mutations/for-record";
import { enqueueMail } from "@/lib/email/outbox";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { audit, defineMutation, type Actor, type MutationContext } from "@/lib/mutations/define";
import { invalidField, recordId, refused } from "@/lib/mutations/parse";
import { mayWorkOnDeliverables, requireDeliverableOpenForEvidence } from "./queries";
import { addDeliverableSchema, deliverableDecisionSchema, submitDeliverableSchema } from "./schema";
import { isOpenForEvidence, isSubmittable, decisionTarget } from "./workflow";

export type { MutationContext, UploadedFile };

async function awardFacts(tx: Tx | Awaited<ReturnType<typeof getDb>>, awardId: string) {
  const [row] = await tx
    .select({
      id: awards.id,
      reference: awards.reference,
      status: awards.status,
      startsOn: awards.startsOn,
      endsOn: awards.endsOn,
      countryIso2: awards.countryIso2,
      implementingPartnerId: awards.implementingPartnerId,
    })
    .from(awards)
    .where(eq(awards.id, awardId));
  if (!row) throw new NotFoundError("award");
  return row;
}

/** The deliverable and its award, when the user may see the award; NotFoundError otherwise. */
async function visibleDeliverable(actor: Actor, deliverableId: string, action: Reach["action"]) {
  const reach: Reach = { ctx: actor, action };
  const db = await getDb();
  const [d] = await db.select().from(awardDeliverables).where(eq(awardDeliverables.id, deliverableId));
  if (!d) throw new NotFoundError("deliverable");
  await getAward(actor.user, d.awardId, { ...reach, target: { entityType: "deliverable", entityId: d.id } }).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("deliverable") : error;
  });
  return { deliverable: d, award: await awardFacts(db, d.awardId) };
}

/** The deliverable row, locked for the transaction: evidence uploads, submission and the decision take turns. */
async function lockDeliverable(tx: Tx, deliverableId: string) {
  const [row] = await tx.select().from(awardDeliverables).where(eq(awardDeliverables.id, deliverableId)).for("update");
  if (!row) throw new NotFoundError("deliverable");
  return row;
}

/**
 * Adds a deliverable (title, due date within the award period) to an active award, with its audit event.
 * Program officers; NotFoundError for others.
 */
export const addDeliverable = defineMutation({
  permission: "deliverables.manage",
  input: forRecord("awardId", addDeliverableSchema),
  load: async (actor, value) => {
    const visible = await getAward(actor.user, value.awardId, { ctx: actor, action: "deliverable.add" });
    const award = await awardFacts(await getDb(), visible.id);
    if (award.status !== "active") throw refused("delivery.errors.awardNotActive");
    if (!isWithin(value.dueOn, award)) throw invalidField("dueOn", "delivery.errors.dueOutsidePeriod");
    return award;
  },
  run: async (tx, { actor, input: value, record: award }): Promise<{ id: string }> => {
    const [row] = await tx.insert(awardDeliverables).values({ awardId: award.id, title: value.title, dueOn: value.dueOn }).returning({ id: awardDeliverables.id });
    await audit(tx, actor, {
      action: "deliverable.add",
      entityType: "award",
      entityId: award.id,
      details: { deliverableId: row.id, title: value.title, dueOn: value.dueOn },
    });
    return row;
  },
});

export interface AddedEvidence {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * Adds evidence files to a pending or returned deliverable of an active award: all of them or none, at
 * most 10 per deliverable, each type detected from its content (the request attachments' rules). The
 * award's country focal points and its partner's users; NotFoundError for everyone else. From the
 * upload route, with the award of the URL (awardId): the deliverable must be that award's.
 */
export const addDeliverableEvidence = defineMutation({
  permission: "deliverables.submit",
  input: z.strictObject({ deliverableId: recordId(), awardId: recordId().optional(), files: uploadedFiles() }),
  load: async (actor, { deliverableId, awardId, files }) => {
    const found = await requireDeliverableOpenForEvidence(actor.user, deliverableId, awardId, { ctx: actor, action: "deliverable.evidence.add" });
    return { ...found, checked: checkUploads(files) };
  },
  run: async (tx, { actor, record: { deliverable, award, checked } }): Promise<AddedEvidence[]> => {
    const locked = await lockDeliverable(tx, deliverable.id);
    if (!isOpenForEvidence(locked.status)) throw refused("delivery.errors.evidenceClosed");
    const [{ existing }] = await tx.select({ existing: count() }).from(deliverableEvidence).where(eq(deliverableEvidence.deliverableId, deliverable.id));
    const max = ATTACHMENT_LIMITS.maxFiles;
    if (existing + checked.length > max) {
      throw refused("delivery.errors.evidenceTooMany", { max, existing, remaining: Math.max(0, max - existing) });
    }
    const added: AddedEvidence[] = [];
    // One statement per file: a multi-row insert would hold every file's encoding at once.
    for (const file of checked) {
      const filename = safeFilename(file.name, file.type.ext);
      const sizeBytes = file.bytes.byteLength;
      const [row] = await tx
        .insert(deliverableEvidence)
        .values({
          deliverableId: deliverable.id,
          filename,
          contentType: file.type.mime,
          sizeBytes,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          data: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
          uploadedById: actor.user.id,
        })
        .returning({ id: deliverableEvidence.id });
      await audit(tx, actor, {
        action: "deliverable.evidence.add",
        entityType: "award",
        entityId: award.id,
        details: { deliverableId: deliverable.id, evidenceId: row.id, filename, sizeBytes },
      });
      added.push({ id: row.id, filename, contentType: file.type.mime, sizeBytes });
    }
    return added;
  },
});

/**
 * Submits a pending or returned deliverable for the office's decision (pending|returned -> submitted), on
 * the version the user saw and with at least one evidence file. Two submissions at once make one (the
 * other gets ConflictError). The award's country focal points and its partner's users.
 */
export const submitDeliverable = defineMutation({
  permission: "deliverables.submit",
  input: forRecord("deliverableId", submitDeliverableSchema, { onAwardPage: true }),
  load: async (actor, { deliverableId, expectedVersion }) => {
    const found = await visibleDeliverable(actor, deliverableId, "deliverable.submit");
    if (!mayWorkOnDeliverables(actor.user, found.award)) throw new NotFoundError("deliverable");
    if (found.award.status !== "active") throw refused("delivery.errors.awardNotActive");
    if (found.deliverable.version !== expectedVersion) throw new ConflictError("deliverable changed", "delivery.errors.conflict");
    if (!isSubmittable(found.deliverable.status)) throw refused("delivery.errors.notSubmittable");
    return found;
  },
  run: async (tx, { actor, input: { expectedVersion }, record: { deliverable, award } }): Promise<{ version: number }> => {
    await lockDeliverable(tx, deliverable.id);
    const [{ files }] = await tx.select({ files: count() }).from(deliverableEvidence).where(eq(deliverableEvidence.deliverableId, deliverable.id));
    if (files === 0) throw refused("delivery.errors.noEvidence");
    const [updated] = await tx
      .update(awardDeliverables)
      .set({ status: "submitted", version: deliverable.version + 1 })
      .where(
        and(
          eq(awardDeliverables.id, deliverable.id),
          eq(awardDeliverables.version, expectedVersion),
          inArray(awardDeliverables.status, ["pending", "returned"]),
        ),
      )
      .returning({ version: awardDeliverables.version });
    if (!updated) throw new ConflictError("deliverable changed", "delivery.errors.conflict");
    await audit(tx, actor, {
      action: "deliverable.submit",
      entityType: "award",
      entityId: award.id,
      details: { deliverableId: deliverable.id, title: deliverable.title, from: deliverable.status, to: "submitted", evidenceFiles: files },
    });
    return updated;
  },
});

/**
 * The office's decision on a submitted deliverable: accept (submitted -> accepted, which may free a tranche
 * for disbursement) or return with a comment (submitted -> returned, open again for evidence), on the
 * version the officer saw; with the audit event and the "deliverable-reviewed" mails to the country's
 * focal points and the partner's users, in their language. Program officers; NotFoundError for others.
 */
export const decideDeliverable = defineMutation({
  permission: "deliverables.manage",
  input: forRecord("deliverableId", deliverableDecisionSchema, { onAwardPage: true }),
  load: async (actor, value) => {
    const found = await visibleDeliverable(actor, value.deliverableId, "deliverable.review");
    if (found.deliverable.version !== value.expectedVersion) throw new ConflictError("deliverable changed", "delivery.errors.conflict");
    const target = decisionTarget(found.deliverable.status, value.decision);
    if (!target) throw refused("delivery.errors.notSubmitted");
    if (found.award.status !== "active") throw refused("delivery.errors.awardNotActive");
    return { ...found, status: target as "accepted" | "returned" };
  },
  run: async (tx, { actor, input: value, record: { deliverable, award, status } }): Promise<{ status: "accepted" | "returned"; version: number }> => {
    const comment = value.comment === "" ? null : value.comment;
    const [updated] = await tx
      .update(awardDeliverables)
      .set({ status, reviewComment: comment, version: deliverable.version + 1 })
      .where(and(eq(awardDeliverables.id, deliverable.id), eq(awardDeliverables.version, value.expectedVersion), eq(awardDeliverables.status, "submitted")))
      .returning({ version: awardDeliverables.version });
    if (!updated) throw new ConflictError("deliverable changed", "delivery.errors.conflict");
    await audit(tx, actor, {
      action: value.decision === "accept" ? "deliverable.accept" : "deliverable.return",
      entityType: "award",
      entityId: award.id,
      details: { deliverableId: deliverable.id, title: deliverable.title, from: "submitted", to: status, comment },
    });
    for (const person of await awardPeople(tx, award)) {
      await enqueueMail(tx, {
        template: "deliverable-reviewed",
        to: person.email,
        locale: person.locale,
        payload: {
          reference: award.reference,
          title: deliverable.title,
          decision: value.decision,
          comment: comment ?? "",
          url: `${actor.baseUrl}/awards/${award.id}`,
        },
      });
    }
    return { status, version: updated.version };
  },
});
