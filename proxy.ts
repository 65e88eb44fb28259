import { NextResponse, type NextRequest } from "next/server";
import { actionRefusal, isActionRequest, refusalResponse } from "@/lib/http/action-guard";
import { headersForApplication, trustedProxyHops } from "@/lib/http/client-address";
import { withoutRequestPath, withRequestPath } from "@/lib/http/request-path";
import { withSecurityHeaders } from "@/lib/http/security-headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// The paths a visitor without a session may open (what the proxy's matcher left out before it had to run
// everywhere: for the security headers and for the client address).
const PUBLIC_PATH = /^\/(?:sign-in|api\/|_next\/|favicon.ico|robots.txt|mailbox)/;

/**
 * Puts the security headers (a per-response CSP nonce, HSTS over https) on every response, removes a
 * client-sent X-Forwarded-For when no proxy is trusted (lib/http/client-address.ts), and redirects
 * visitors without a session cookie to sign-in; requests with one carry the page's path for the server
 * (lib/http/request-path.ts). Server-action requests that Next.js would answer with a
 * 500 (foreign Origin, body over the limit, undecodable body) get 403 / 413 / 400 here
 * (lib/http/action-guard.ts). Whether the session is valid, and what the user may see, is decided on the
 * server next to the data.
 */
export async function proxy(request: NextRequest) {
  const security = withSecurityHeaders(request);
  if (isActionRequest(request.method, request.nextUrl.pathname)) {
    const refusal = await actionRefusal(request);
    if (refusal) return security.apply(refusalResponse(refusal, request.headers));
  }
  const cleaned = headersForApplication(request.headers, trustedProxyHops()) ?? undefined;
  if (PUBLIC_PATH.test(request.nextUrl.pathname)) return security.next(withoutRequestPath(request, cleaned) ?? cleaned);
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return security.next(withRequestPath(request, cleaned));
  const url = request.nextUrl.clone();
  const callbackUrl = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/sign-in";
  url.search = callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return security.apply(NextResponse.redirect(url));
}

// Every page, file and API answer goes through the proxy except the build's static assets and the upload
// routes: for any request it runs on, Next.js tees the body into memory (up to proxyClientMaxBodySize) and
// waits for its end before the route handler starts, so an upload would be held whole before anyone checks
// who sent it. The upload routes answer 401 without a session themselves and send JSON (no CSP needed).
// The X-Forwarded-For clean-up does not run there, so with no trusted proxy an upload's audit event may
// carry a client-sent address (the sign-in limit never runs on them).
// (The matcher must be one literal string: Next.js reads it at build time.)
export const config = {
  matcher: [
    "/((?!_next/static/|_next/image/|favicon\\.ico$|robots\\.txt$|requests/[^/]+/attachments$|awards/[^/]+/deliverables/[^/]+/evidence$).*)",
  ],
};
