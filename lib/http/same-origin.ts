// One Origin rule for every POST the portal takes: server actions (checked by proxy.ts before Next.js
// would answer a mismatch with a 500) and the upload route handlers (which Next.js does not check).
import { getEnv } from "@/lib/config/env";

/**
 * Whether a browser sent this POST from the portal's own pages. Browsers attach an Origin header to
 * every POST; none means not a browser, so no cookie rides along without its owner's intent. An opaque
 * ("null") or unparsable Origin is foreign. The Origin's host must be the portal's (AUTH_URL), or the
 * host the request was sent to: the first X-Forwarded-Host, else Host (as Next.js compares them).
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  if (!originHost) return false;
  const configured = getEnv().AUTH_URL;
  if (configured && new URL(configured).host === originHost) return true;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return !!host && host === originHost;
}
