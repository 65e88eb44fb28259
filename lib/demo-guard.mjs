// Demo mode signs anyone in with one click: it may only run where nobody else can reach it. Plain
// JavaScript so that both the server (instrumentation.ts) and `npm run demo` (scripts/demo.mjs) use it.

/** True when the URL's host is this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackUrl(url) {
  let host;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === "localhost" || host === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The reason to refuse to start, or null: demo mode on with a public (non-loopback) AUTH_URL. */
export function demoModeRefusal(env) {
  if (env.DEMO_MODE !== "1" || !env.AUTH_URL) return null;
  if (isLoopbackUrl(env.AUTH_URL)) return null;
  return (
    `Refusing to start: demo mode (DEMO_MODE=1) signs anyone in with one click, and AUTH_URL (${env.AUTH_URL}) ` +
    "is not this machine. Unset DEMO_MODE for a public portal, or use http://localhost for the demo."
  );
}
