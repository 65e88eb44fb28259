import "server-only";
import { headers } from "next/headers";

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

/** The client address (first X-Forwarded-For hop, set by Next.js or the load balancer) and user agent. */
export async function getRequestContext(): Promise<RequestContext> {
  const h = await headers();
  return ipAndAgentFrom(h);
}

export function ipAndAgentFrom(h: Headers): RequestContext {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || h.get("x-real-ip")?.trim() || null;
  return { ip, userAgent: h.get("user-agent") };
}
