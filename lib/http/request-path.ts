// The page a signed-in request is for, as the proxy saw it (proxy.ts sets it on every request with a
// session cookie and removes a client-sent one elsewhere): a page can then send a session that must sign
// in again, or take its passkey step, back there afterwards. Used only as a same-site destination
// (safeCallbackPath), never to decide what anyone may see. No Node-only imports (the proxy may run on the edge).
import type { NextRequest } from "next/server";

export const REQUEST_PATH_HEADER = "x-portal-request-path";

/** The request headers to continue with: `base` (or the request's own) with the page's path and query set. */
export function withRequestPath(request: NextRequest, base?: Headers): Headers {
  const headers = new Headers(base ?? request.headers);
  const url = request.nextUrl.clone();
  url.searchParams.delete("_rsc"); // the client router's cache key, not part of the page
  headers.set(REQUEST_PATH_HEADER, `${url.pathname}${url.search}`);
  return headers;
}

/** The request headers without a client-sent path, or null when there is none to remove. */
export function withoutRequestPath(request: NextRequest, base?: Headers): Headers | null {
  if (!(base ?? request.headers).has(REQUEST_PATH_HEADER)) return null;
  const headers = new Headers(base ?? request.headers);
  headers.delete(REQUEST_PATH_HEADER);
  return headers;
}
