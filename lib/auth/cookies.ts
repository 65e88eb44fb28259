import { getEnv } from "@/lib/config/env";
/**
 * Whether session cookies carry the Secure attribute: always, except when the portal itself is served
 * over plain http on this machine (the demo and the tests on http://localhost). A production deployment
 * is https, so its cookies are Secure.
 */
export function isSecureCookieMode(authUrl: string | undefined = getEnv().AUTH_URL): boolean {
  if (!authUrl) return process.env.NODE_ENV === "production" && !getEnv().DEMO_MODE;
  try {
    const url = new URL(authUrl);
    if (url.protocol === "https:") return true;
    return !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  } catch {
    return true;
  }
}

export function sessionCookieName(secure = isSecureCookieMode()): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

// The outer bound of every session (cookie and row): the longest lifetime, staff's 12 hours (decision 0017).
// The lifetime rules (lib/auth/session-rules.ts) end every other session earlier.
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
// 15 minutes; an operator may shorten it (the end-to-end tests do, to see a link expire).
export const SIGN_IN_LINK_MAX_AGE_SECONDS = getEnv().SIGN_IN_LINK_MAX_AGE_SECONDS;
