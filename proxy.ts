import { NextResponse, type NextRequest } from "next/server";
import { withSecurityHeaders } from "@/lib/http/security-headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// The paths a visitor without a session may open (what the proxy's matcher left out before the security
// headers needed it to run on every page).
const PUBLIC_PATH = /^\/(?:sign-in|api\/|_next\/|favicon.ico|robots.txt|mailbox)/;

/**
 * Puts the security headers (a per-response CSP nonce, HSTS over https) on every response, and redirects
 * visitors without a session cookie to sign-in. Whether the session is valid, and what the user may see,
 * is decided on the server next to the data.
 */
export function proxy(request: NextRequest) {
  const security = withSecurityHeaders(request);
  if (PUBLIC_PATH.test(request.nextUrl.pathname)) return security.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return security.next();
  const url = request.nextUrl.clone();
  const callbackUrl = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/sign-in";
  url.search = callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return security.apply(NextResponse.redirect(url));
}

export const config = {
  // Every page, file and API answer; only the build's static assets are served without the proxy.
  matcher: ["/((?!_next/static/|_next/image/|favicon\\.ico$|robots\\.txt$).*)"],
};
