// Who gets a mail, one rule: the active users holding a role, scoped where the role is bound (a focal
// point to its country, a partner user to its organization), once each, in a stable order. A lookup for
// mutations and jobs inside their transaction: it checks no permission. No server-only import: the
// reminder job runs it under tsx too.
import { and, eq, ne, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";

export type Audience =
  | { role: "program_officer" }
  | { role: "approver"; except?: string }
  | { role: "focal_point"; country: string }
  | { role: "implementing_partner"; organization: string };

export interface Recipient {
  email: string;
  locale: Locale;
  name: string | null;
}

function conditionFor(audience: Audience): SQL {
  const role = eq(userRoles.role, audience.role);
  switch (audience.role) {
    case "program_officer":
      return role;
    case "approver":
      return audience.except ? (and(role, ne(users.id, audience.except)) as SQL) : role;
    case "focal_point":
      return and(role, eq(users.countryIso2, audience.country)) as SQL;
    case "implementing_partner":
      return and(role, eq(users.organizationId, audience.organization)) as SQL;
  }
}

/** The active users of any of `audiences`, once each, ordered by e-mail address. */
export async function recipientsOf(db: DbOrTx, ...audiences: Audience[]): Promise<Recipient[]> {
  if (audiences.length === 0) return [];
  const rows = await db
    .selectDistinct({ email: users.email, locale: users.locale, name: users.name })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.isActive, true), audiences.length === 1 ? conditionFor(audiences[0]) : or(...audiences.map(conditionFor))));
  return rows.sort((a, b) => a.email.localeCompare(b.email));
}
