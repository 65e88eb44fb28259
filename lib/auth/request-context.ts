import "server-only";
import { headers } from "next/headers";
import { clientAddressFrom, trustedProxyHops } from "@/lib/http/client-address";

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

/**
 * The client address and user agent of this request: the one source of the address for the sign-in
 * rate limit and every audit event. The address is taken from X-Forwarded-For only as far as the
 * configured trusted proxies vouch for it (TRUSTED_PROXY_HOPS; see lib/http/client-address.ts).
 */
export async function getRequestContext(): Promise<RequestContext> {
  const h = await headers();
  return ipAndAgentFrom(h);
}

export function ipAndAgentFrom(h: Headers, hops: number = trustedProxyHops()): RequestContext {
  return { ip: clientAddressFrom(h.get("x-forwarded-for"), hops), userAgent: h.get("user-agent") };
}
