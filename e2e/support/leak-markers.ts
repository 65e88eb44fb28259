// Marker strings planted in every field that some viewer may not see, for the one-view-per-viewer spec
// (e2e/viewer-isolation.spec.ts). Planted in the isolation server's own database before it starts.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/** Every planted value starts with this, so one search finds any of them. */
export const MARK = "LEAKMARK";

/** What each marker stands for, and who may not see it (the spec's table). */
export const MARKERS = {
  reportNarrativeNotAccepted: `${MARK}-narrative-not-accepted`, // donors
  reportReviewComment: `${MARK}-report-review-comment`, // donors (return and accept comments)
  deliverableReviewComment: `${MARK}-deliverable-review-comment`, // donors
  deliverableUpdateNotAccepted: `${MARK}-deliverable-update-not-accepted`, // donors
  equipmentCheckNote: `${MARK}-check-note`, // donors
  evidenceNotAccepted: `${MARK}-evidence-not-accepted`, // donors (file name of non-accepted evidence)
  internalComment: `${MARK}-internal-comment`, // donors, focal points, partners
  sharedComment: `${MARK}-shared-comment`, // donors, partners
  screeningNote: `${MARK}-screening-note`, // donors, focal points, partners
  reviewComment: `${MARK}-review-comment`, // donors, focal points, partners
  scoreComment: `${MARK}-score-comment`, // donors, focal points, partners
  conflictReason: `${MARK}-conflict-reason`, // donors, focal points, partners
  person: `${MARK}-person`, // donors (names of people, prefixed to every non-donor user's name)
} as const;

/** Writes the markers over the demo data: run on a seeded database before its server starts. */
export async function plantLeakMarkers(db: Db): Promise<void> {
  const m = MARKERS;
  await db.execute(sql`UPDATE progress_reports SET narrative_en = ${m.reportNarrativeNotAccepted}, narrative_es = ${m.reportNarrativeNotAccepted} WHERE status <> 'accepted'`);
  await db.execute(sql`UPDATE progress_reports SET review_comment = ${m.reportReviewComment}`);
  await db.execute(sql`UPDATE award_deliverables SET review_comment = ${m.deliverableReviewComment}`);
  await db.execute(
    sql`UPDATE report_deliverable_updates SET note = ${m.deliverableUpdateNotAccepted} WHERE report_id IN (SELECT id FROM progress_reports WHERE status <> 'accepted')`,
  );
  await db.execute(sql`UPDATE equipment_checks SET note = ${m.equipmentCheckNote}`);
  // The demo data hold no evidence files: every deliverable gets one, named (and filled) with the marker
  // when the deliverable is not accepted.
  await db.execute(sql`
    INSERT INTO deliverable_evidence (deliverable_id, filename, content_type, size_bytes, sha256, data, uploaded_by_id)
    SELECT d.id, f.name, 'text/plain', octet_length(f.body), encode(sha256(f.body), 'hex'), f.body,
           (SELECT user_id FROM user_roles WHERE role = 'implementing_partner' ORDER BY user_id LIMIT 1)
    FROM award_deliverables d
    CROSS JOIN LATERAL (SELECT
      CASE WHEN d.status = 'accepted' THEN 'handover-record.txt' ELSE ${m.evidenceNotAccepted + ".txt"} END AS name,
      convert_to(CASE WHEN d.status = 'accepted' THEN 'Handover record' ELSE ${m.evidenceNotAccepted} END, 'UTF8') AS body) f`);
  await db.execute(sql`UPDATE request_comments SET body = CASE WHEN visibility = 'internal' THEN ${m.internalComment} ELSE ${m.sharedComment} END`);
  await db.execute(sql`UPDATE request_screenings SET note = ${m.screeningNote}`);
  await db.execute(sql`UPDATE review_assignments SET comment = ${m.reviewComment}, conflict_reason = ${m.conflictReason}`);
  await db.execute(sql`UPDATE review_scores SET comment = ${m.scoreComment}`);
  await db.execute(
    sql`UPDATE users SET name = ${m.person + " "} || name WHERE id NOT IN (SELECT user_id FROM user_roles WHERE role = 'donor')`,
  );
}
