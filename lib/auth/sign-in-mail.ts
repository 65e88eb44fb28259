import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { enqueueMail } from "@/lib/email/outbox";
import { getEnv } from "@/lib/config/env";
import { findActiveUserByEmail } from "./queries";
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from "./cookies";
import type { RequestContext } from "./request-context";

/**
 * Issues a sign-in link to an active account: a one-time token in the form Auth.js's email callback
 * checks (SHA-256 of token + AUTH_SECRET, 15 minutes), its mail in the outbox and an audit event, in one
 * transaction. Unknown and deactivated addresses get nothing. The mail links to our confirmation page,
 * whose button completes sign-in, so a mail scanner that opens the link does not use it up.
 * Called by the sign-in form's action after it has answered, so the answer cannot depend on the outcome.
 */
export async function issueSignInLink(input: {
  email: string;
  callbackPath: string;
  baseUrl: string;
  ctx: RequestContext;
}): Promise<boolean> {
  const account = await findActiveUserByEmail(input.email);
  if (!account) return false;
  const { AUTH_SECRET, NEXTAUTH_SECRET } = getEnv();
  const secret = AUTH_SECRET ?? NEXTAUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: sign-in links cannot be issued.");
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + SIGN_IN_LINK_MAX_AGE_SECONDS * 1000);
  const confirm = new URL("/sign-in/confirm", input.baseUrl);
  confirm.search = new URLSearchParams({ callbackUrl: input.callbackPath, token, email: input.email }).toString();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(verificationTokens).values({
      identifier: input.email,
      token: createHash("sha256").update(`${token}${secret}`).digest("hex"),
      expires,
    });
    await enqueueMail(tx, {
      template: "sign-in-link",
      to: input.email,
      locale: account.locale,
      payload: { url: confirm.toString(), minutes: Math.max(1, Math.round(SIGN_IN_LINK_MAX_AGE_SECONDS / 60)) },
    });
    await recordAudit(tx, {
      actorUserId: account.id,
      action: "auth.signInLinkRequest",
      entityType: "user",
      entityId: account.id,
      ip: input.ctx.ip,
      userAgent: input.ctx.userAgent,
    });
  });
  return true;
}

/**
 * Auth.js's email provider needs a sender, but its sign-in endpoint is closed (app/api/auth) and the
 * sign-in form issues links itself (issueSignInLink), so this is never reached.
 */
export async function sendSignInLink(): Promise<void> {
  throw new Error("Sign-in links are issued by the sign-in form (issueSignInLink), not through Auth.js.");
}
