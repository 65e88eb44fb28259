import "server-only";
import { getDb } from "@/db/client";
import { enqueueMail } from "@/lib/email/outbox";
import { findActiveUserByEmail } from "./queries";
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from "./cookies";

/**
 * Auth.js calls this with its callback URL. The mail carries a link to our confirmation page instead,
 * whose button completes sign-in, so a mail scanner that opens the link does not use it up.
 */
export async function sendSignInLink(params: { identifier: string; url: string }): Promise<void> {
  const account = await findActiveUserByEmail(params.identifier);
  if (!account) return; // unknown or deactivated: no mail (the signIn callback refused it already)
  const callback = new URL(params.url);
  const confirm = new URL("/sign-in/confirm", callback.origin);
  for (const [key, value] of callback.searchParams) confirm.searchParams.set(key, value);
  const db = await getDb();
  await enqueueMail(db, {
    template: "sign-in-link",
    to: params.identifier,
    locale: account.locale,
    payload: { url: confirm.toString(), minutes: Math.max(1, Math.round(SIGN_IN_LINK_MAX_AGE_SECONDS / 60)) },
  });
}
