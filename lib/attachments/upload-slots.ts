import "server-only";
import { sql } from "drizzle-orm";
import { execRows, getDb } from "@/db/client";
import { getEnv, type EnvSource } from "@/lib/config/env";

// The per-user cap on uploads read at the same time, held in PostgreSQL (upload_slots) so that it is one
// cap across every instance of the portal, like the sign-in rate limits (decision 0014).

export interface UploadSlotLimits {
  /** Uploads one user may have in progress at once. */
  perUser: number;
  /** How long a slot counts if its process never releases it (a crash, a killed instance). */
  ttlSeconds: number;
}

/**
 * UPLOADS_PER_USER (default 3) and UPLOAD_SLOT_TTL_SECONDS (default 600: the longest accepted body,
 * 100 MB, still arrives over a slow link before its slot lapses).
 */
export function uploadSlotLimitsFromEnv(source?: EnvSource): UploadSlotLimits {
  const env = getEnv(source);
  return { perUser: env.UPLOADS_PER_USER, ttlSeconds: env.UPLOAD_SLOT_TTL_SECONDS };
}

/**
 * Takes one of the user's upload slots; null when all of them are held. The user's takers queue on a
 * transaction-scoped advisory lock, so the count and the insert see every slot taken before: of N + 1
 * parallel takers exactly N win, on any number of instances. Expired slots stop counting and are
 * removed here. Release the slot with releaseUploadSlot in a finally.
 */
export async function takeUploadSlot(userId: string, limits: UploadSlotLimits = uploadSlotLimitsFromEnv()): Promise<string | null> {
  const db = await getDb();
  const ttl = `${limits.ttlSeconds} seconds`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`upload-slots:${userId}`}, 0))`);
    await tx.execute(sql`DELETE FROM upload_slots WHERE user_id = ${userId} AND expires_at <= clock_timestamp()`);
    const rows = await execRows<{ id: string }>(
      tx,
      sql`INSERT INTO upload_slots (user_id, expires_at)
          SELECT ${userId}, clock_timestamp() + ${ttl}::interval
          WHERE (SELECT count(*) FROM upload_slots WHERE user_id = ${userId} AND expires_at > clock_timestamp()) < ${limits.perUser}
          RETURNING id`,
    );
    return rows[0]?.id ?? null;
  });
}

/** Gives the slot back (the upload finished, well or not). Releasing it twice changes nothing. */
export async function releaseUploadSlot(slotId: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`DELETE FROM upload_slots WHERE id = ${slotId}`);
}
