import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** Whether the database answers within the timeout. Anyone (health check). */
export async function isDatabaseHealthy(timeoutMs = 3000): Promise<boolean> {
  try {
    const check = (async () => {
      const db = await getDb();
      await db.execute(sql`select 1`);
      return true;
    })();
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref?.());
    return await Promise.race([check, timeout]);
  } catch {
    return false;
  }
}
