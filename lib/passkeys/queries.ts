import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { passkeys } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The signed-in user's own passkeys, oldest first (no key material). The user themself. */
export async function listOwnPasskeys(actor: Pick<CurrentUser, "id">): Promise<PasskeySummary[]> {
  const db = await getDb();
  return db
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, actor.id))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}
