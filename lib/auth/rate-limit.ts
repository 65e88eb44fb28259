import "server-only";
import { sql } from "drizzle-orm";
import { execRows, getDb, type DbOrTx } from "@/db/client";
import { getEnv } from "@/lib/config/env";

export interface RateLimitRule {
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one hit against a fixed window in PostgreSQL (shared by every instance) and tells whether it is
 * still within the limit. One statement, so parallel hits are counted exactly.
 */
export async function hitRateLimit(
  rule: RateLimitRule,
  db?: DbOrTx,
): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const conn = db ?? (await getDb());
  const window = `${Math.max(1, Math.floor(rule.windowSeconds))} seconds`;
  const rows = await execRows<{ count: number; window_start: string | Date }>(
    conn,
    sql`INSERT INTO rate_limits (key, window_start, count) VALUES (${rule.key}, now(), 1)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limits.window_start <= now() - ${window}::interval THEN 1 ELSE rate_limits.count + 1 END,
          window_start = CASE WHEN rate_limits.window_start <= now() - ${window}::interval THEN now() ELSE rate_limits.window_start END
        RETURNING count, window_start`,
  );
  const row = rows[0];
  const count = Number(row.count);
  const started = new Date(row.window_start).getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((started + rule.windowSeconds * 1000 - Date.now()) / 1000));
  return { allowed: count <= rule.limit, count, retryAfterSeconds };
}

export const SIGN_IN_LIMITS = {
  perEmail: { limit: getEnv().SIGN_IN_LIMIT_PER_EMAIL, windowSeconds: 15 * 60 },
  perIp: { limit: getEnv().SIGN_IN_LIMIT_PER_IP, windowSeconds: 15 * 60 },
};

/** Counts a sign-in link request for both the address and the client IP; refused if either is over. */
export async function checkSignInRateLimit(email: string, ip: string | null) {
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit({ key: `sign-in:email:${email}`, ...SIGN_IN_LIMITS.perEmail }),
    hitRateLimit({ key: `sign-in:ip:${ip ?? "unknown"}`, ...SIGN_IN_LIMITS.perIp }),
  ]);
  const blocked = [byEmail, byIp].filter((r) => !r.allowed);
  return {
    allowed: blocked.length === 0,
    retryAfterSeconds: blocked.length ? Math.max(...blocked.map((r) => r.retryAfterSeconds)) : 0,
  };
}
