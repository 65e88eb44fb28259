import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Only redirects visitors without a session cookie to sign-in. Whether the session is valid, and what
 * the user may see, is decided on the server next to the data.
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  const callbackUrl = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/sign-in";
  url.search = callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return NextResponse.redirect(url);
}

// The upload routes stay out of the proxy: for any request it runs on, Next.js tees the body into memory
// (up to proxyClientMaxBodySize) and waits for its end before the route handler starts, so an upload
// would be held whole before anyone checks who sent it. The routes answer 401 without a session themselves.
// (The matcher must be one literal string: Next.js reads it at build time.)

export const config = {
  matcher: ["/((?!sign-in|api/|_next/|favicon.ico|robots.txt|mailbox|requests/[^/]+/attachments$|awards/[^/]+/deliverables/[^/]+/evidence$).*)"],
};
