import "server-only";
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { awardDeliverables, awards, deliverableEvidence, users } from "@/db/schema";
import type { Reach } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/queries";
import { awardVisibility, getAward } from "@/lib/awards/queries";
import { isAwardCountryFocalPoint, isAwardPartnerUser, isOfficer } from "@/lib/awards/people";
import { refused } from "@/lib/mutations/parse";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { todayIso } from "@/lib/dates";
import { isLate, isOpenForEvidence, isSubmittable } from "./workflow";

/** Who works on an award's deliverables: its country's focal points and its partner's users. */
export function mayWorkOnDeliverables(user: CurrentUser, award: { countryIso2: string; implementingPartnerId: string }): boolean {
  return isAwardCountryFocalPoint(user, award) || isAwardPartnerUser(user, award);
}

/**
 * The deliverable, if this user may add evidence to it now: visible, of the award named in the URL (when
 * given), the user one of its workers, the award active and the deliverable pending or returned. What an
 * upload needs, checked before its body is read; the mutation applies the same rules. NotFoundError for
 * anyone who may not work on it, ValidationError for a closed state. Focal points and partner users.
 */
export async function requireDeliverableOpenForEvidence(user: CurrentUser, deliverableId: string, awardId?: string, reach: Reach = {}) {
  if (!isUuid(deliverableId)) throw new NotFoundError("deliverable");
  const db = await getDb();
  const [deliverable] = await db.select().from(awardDeliverables).where(eq(awardDeliverables.id, deliverableId));
  if (!deliverable) throw new NotFoundError("deliverable");
  await getAward(user, deliverable.awardId, { ...reach, target: { entityType: "deliverable", entityId: deliverable.id } }).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("deliverable") : error;
  });
  const [award] = await db
    .select({ id: awards.id, status: awards.status, countryIso2: awards.countryIso2, implementingPartnerId: awards.implementingPartnerId })
    .from(awards)
    .where(eq(awards.id, deliverable.awardId));
  if (!award) throw new NotFoundError("deliverable");
  // From a URL naming the award too: the deliverable must be that award's.
  if (awardId !== undefined && awardId !== award.id) throw new NotFoundError("deliverable");
  if (!mayWorkOnDeliverables(user, award)) throw new NotFoundError("deliverable");
  if (award.status !== "active") throw refused("delivery.errors.awardNotActive");
  if (!isOpenForEvidence(deliverable.status)) throw refused("delivery.errors.evidenceClosed");
  return { deliverable, award };
}

/**
 * The award's deliverables, each with its evidence files, whether it is late, and what this user may do:
 * add evidence and submit (the country's focal points and the partner's users, while pending or
 * returned, on an active award), decide (officers, once submitted), add deliverables (officers).
 * Anyone who may see the award; NotFoundError otherwise.
 */
export async function listDeliverables(user: CurrentUser, awardId: string, today = todayIso()) {
  const award = await getAward(user, awardId);
  const db = await getDb();
  const facts = { countryIso2: award.country.iso2, implementingPartnerId: award.partner.id };
  const rows = await db
    .select({
      id: awardDeliverables.id,
      title: awardDeliverables.title,
      dueOn: awardDeliverables.dueOn,
      status: awardDeliverables.status,
      reviewComment: awardDeliverables.reviewComment,
      version: awardDeliverables.version,
    })
    .from(awardDeliverables)
    .where(eq(awardDeliverables.awardId, award.id))
    .orderBy(asc(awardDeliverables.dueOn), asc(awardDeliverables.createdAt));
  const evidence =
    rows.length === 0
      ? []
      : await db
          .select({
            id: deliverableEvidence.id,
            deliverableId: deliverableEvidence.deliverableId,
            filename: deliverableEvidence.filename,
            contentType: deliverableEvidence.contentType,
            sizeBytes: deliverableEvidence.sizeBytes,
            createdAt: deliverableEvidence.createdAt,
            uploadedByName: users.name,
          })
          .from(deliverableEvidence)
          .leftJoin(users, eq(users.id, deliverableEvidence.uploadedById))
          .where(inArray(deliverableEvidence.deliverableId, rows.map((r) => r.id)))
          .orderBy(asc(deliverableEvidence.createdAt), asc(deliverableEvidence.filename));
  const isActive = award.status === "active";
  const worker = mayWorkOnDeliverables(user, facts);
  const officer = isOfficer(user);
  return {
    award: { id: award.id, reference: award.reference, status: award.status, startsOn: award.startsOn, endsOn: award.endsOn },
    canAdd: officer && isActive,
    deliverables: rows.map((d) => ({
      ...d,
      isLate: isLate(d, today),
      evidence: evidence.filter((e) => e.deliverableId === d.id).map(({ deliverableId: _d, ...e }) => e),
      canAddEvidence: worker && isActive && isOpenForEvidence(d.status),
      canSubmit: worker && isActive && isSubmittable(d.status),
      canDecide: officer && isActive && d.status === "submitted",
    })),
  };
}
export type DeliverableList = Awaited<ReturnType<typeof listDeliverables>>;

export interface EvidenceFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
  sizeBytes: number;
}

/**
 * One evidence file's content for download, when the user may see the award and the file belongs to
 * that award's deliverable; NotFoundError otherwise. Anyone who may see the award.
 */
export async function getDeliverableEvidenceFile(user: CurrentUser, awardId: string, deliverableId: string, evidenceId: string): Promise<EvidenceFile> {
  if (!isUuid(awardId) || !isUuid(deliverableId) || !isUuid(evidenceId)) throw new NotFoundError("evidence");
  const award = await getAward(user, awardId, { target: { entityType: "evidence", entityId: evidenceId } }).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("evidence") : error;
  });
  const db = await getDb();
  const [row] = await db
    .select({
      filename: deliverableEvidence.filename,
      contentType: deliverableEvidence.contentType,
      data: deliverableEvidence.data,
      sizeBytes: deliverableEvidence.sizeBytes,
    })
    .from(deliverableEvidence)
    .innerJoin(awardDeliverables, eq(awardDeliverables.id, deliverableEvidence.deliverableId))
    .where(and(eq(deliverableEvidence.id, evidenceId), eq(awardDeliverables.id, deliverableId), eq(awardDeliverables.awardId, award.id)))
    .limit(1);
  if (!row) throw new NotFoundError("evidence");
  return row;
}

function lateDeliverablesScope(user: CurrentUser, today: string): SQL | null {
  const visibility = awardVisibility(user);
  if (!visibility) return null;
  return and(visibility, eq(awards.status, "active"), ne(awardDeliverables.status, "accepted"), sql`${awardDeliverables.dueOn} < ${today}::date`) as SQL;
}

/**
 * The first `limit` late deliverables (past due, not accepted) of the active awards this user may see,
 * most overdue first, for dashboards. Same visibility as the awards list; [] for users who see no award.
 */
export async function listLateDeliverables(user: CurrentUser, today = todayIso(), limit = 10) {
  const scope = lateDeliverablesScope(user, today);
  if (!scope) return [];
  const db = await getDb();
  return db
    .select({
      id: awardDeliverables.id,
      title: awardDeliverables.title,
      dueOn: awardDeliverables.dueOn,
      status: awardDeliverables.status,
      award: { id: awards.id, reference: awards.reference },
      daysLate: sql<number>`(${today}::date - ${awardDeliverables.dueOn})::int`,
    })
    .from(awardDeliverables)
    .innerJoin(awards, eq(awards.id, awardDeliverables.awardId))
    .where(scope)
    .orderBy(asc(awardDeliverables.dueOn), desc(awards.reference), asc(awardDeliverables.id))
    .limit(limit);
}

/** How many deliverables listLateDeliverables would list without a limit. Same visibility; 0 for others. */
export async function countLateDeliverables(user: CurrentUser, today = todayIso()): Promise<number> {
  const scope = lateDeliverablesScope(user, today);
  if (!scope) return 0;
  const db = await getDb();
  const [row] = await db.select({ total: count() }).from(awardDeliverables).innerJoin(awards, eq(awards.id, awardDeliverables.awardId)).where(scope);
  return row?.total ?? 0;
}

export type LateDeliverable = Awaited<ReturnType<typeof listLateDeliverables>>[number];
