/**
 * Whether session cookies carry the Secure attribute: always, except when the portal itself is served
 * over plain http on this machine (the demo and the tests on http://localhost). A production deployment
 * is https, so its cookies are Secure.
 */
export function useSecureCookies(authUrl: string | undefined = process.env.AUTH_URL): boolean {
  if (!authUrl) return process.env.NODE_ENV === "production" && process.env.DEMO_MODE !== "1";
  try {
    const url = new URL(authUrl);
    if (url.protocol === "https:") return true;
    return !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  } catch {
    return true;
  }
}

export function sessionCookieName(secure = useSecureCookies()): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // a working day
export const SIGN_IN_LINK_MAX_AGE_SECONDS = 15 * 60;
