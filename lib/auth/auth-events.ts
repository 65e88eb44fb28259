// What Auth.js reports after a sign-in or a sign-out, audited with the actor and the client address.
// Both run inside the request (the e-mail callback, Auth.js's sign-out endpoint), so the address is the
// request's. The portal's own sign-out button goes through endSession instead.
import type { NextAuthConfig } from "next-auth";
import { recordAuthEvent } from "./mutations";
import { getRequestContext, type RequestContext } from "./request-context";

/** The request's client address for an audit event; empty if Auth.js ever calls outside a request. */
async function requestContextOrEmpty(): Promise<Partial<RequestContext>> {
  try {
    return await getRequestContext();
  } catch {
    return {};
  }
}

export const authEvents: NonNullable<NextAuthConfig["events"]> = {
  async signIn({ user }) {
    await recordAuthEvent("auth.signIn", user.id ?? null, await requestContextOrEmpty(), "success", { method: "email", secondFactor: "pending" });
  },
  async signOut(message) {
    const userId = "session" in message && message.session ? message.session.userId : null;
    await recordAuthEvent("auth.signOut", userId, await requestContextOrEmpty());
  },
};
