// Accounts the end-to-end tests need beyond the demo seed, added to a server's database before it starts.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/** A focal point whose account an administrator deactivated: it must get no sign-in link. */
export const DEACTIVATED_EMAIL = "deactivated.gt@example.org";

export async function addDeactivatedAccount(db: Db): Promise<void> {
  await db.execute(sql`
    INSERT INTO users (id, email, name, locale, is_active, country_iso2, deactivated_at)
    VALUES (gen_random_uuid()::text, ${DEACTIVATED_EMAIL}, 'Former focal point', 'es', false, 'GT', now())`);
  await db.execute(sql`INSERT INTO user_roles (user_id, role) SELECT id, 'focal_point' FROM users WHERE email = ${DEACTIVATED_EMAIL}`);
}
