import { NextResponse, type NextRequest } from "next/server";
import { headersForApplication, trustedProxyHops } from "@/lib/http/client-address";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// Paths open without a session (the matcher used to leave them out; it now covers them so that the
// client address is derived the same way everywhere).
const PUBLIC_PATHS = /^\/(?:sign-in|api\/|_next\/|favicon\.ico|robots\.txt|mailbox)/;

/**
 * Only redirects visitors without a session cookie to sign-in. Whether the session is valid, and what
 * the user may see, is decided on the server next to the data. On every request it also removes a
 * client-sent X-Forwarded-For when no proxy is trusted (lib/http/client-address.ts).
 */
export function proxy(request: NextRequest) {
  const cleaned = headersForApplication(request.headers, trustedProxyHops());
  const next = () => (cleaned ? NextResponse.next({ request: { headers: cleaned } }) : NextResponse.next());
  if (PUBLIC_PATHS.test(request.nextUrl.pathname)) return next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return next();
  const url = request.nextUrl.clone();
  const callbackUrl = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/sign-in";
  url.search = callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return NextResponse.redirect(url);
}

// The upload routes stay out of the proxy: for any request it runs on, Next.js tees the body into memory
// (up to proxyClientMaxBodySize) and waits for its end before the route handler starts, so an upload
// would be held whole before anyone checks who sent it. The routes answer 401 without a session themselves.
// The X-Forwarded-For clean-up does not run there, so with no trusted proxy an upload's audit event may
// carry a client-sent address (the sign-in limit never runs on them).
// (The matcher must be one literal string: Next.js reads it at build time.)

export const config = {
  matcher: ["/((?!_next/static|_next/image|requests/[^/]+/attachments$|awards/[^/]+/deliverables/[^/]+/evidence$).*)"],
};
