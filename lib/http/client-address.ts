// The client's address, derived from the proxies an operator trusts (TRUSTED_PROXY_HOPS). Used by
// proxy.ts (Node or edge runtime, so no Node-only imports here) and by the request context behind the
// sign-in rate limit and every audit event.
//
// How `next start` delivers the address: Next.js sets X-Forwarded-For to the connection's address only
// when the request has none (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in
// next/dist/server/base-server.js); it never appends to a value the client sent. So:
//  - with no proxy (0 hops), proxy.ts removes whatever X-Forwarded-For the client sent, Next.js then
//    records the connection's address, and that single entry is the client;
//  - with N trusted proxies, each appends the address it received the request from, and the client is
//    the Nth entry from the right (everything further left was written by the client and is ignored).
import { getEnv } from "@/lib/config/env";

export { parseTrustedProxyHops, TRUSTED_PROXY_HOPS_MAX } from "@/lib/config/env";

/** The configured number of trusted proxy hops (throws with a clear message when misconfigured). */
export function trustedProxyHops(): number {
  return getEnv().TRUSTED_PROXY_HOPS;
}

/**
 * The request headers the application should see, or null to pass them on unchanged. With no trusted
 * proxy, a client-sent X-Forwarded-For is removed so that Next.js records the connection's address.
 */
export function headersForApplication(headers: Headers, hops: number): Headers | null {
  if (hops > 0 || !headers.has("x-forwarded-for")) return null;
  const cleaned = new Headers(headers);
  cleaned.delete("x-forwarded-for");
  return cleaned;
}

/**
 * The client's address from X-Forwarded-For as the application receives it: the entry `hops` places
 * from the right (the rightmost with 0 hops, which is then the connection's address). A chain shorter
 * than that gives its leftmost entry, the furthest a trusted proxy saw. An entry that is not an IP
 * address gives null (the caller counts such requests under one shared "unknown" key).
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, hops: number): string | null {
  if (!forwardedFor) return null;
  const entries = forwardedFor.split(",");
  const index = Math.max(0, entries.length - Math.max(1, hops));
  return normalizeAddress(entries[index]);
}

/** An IPv4 or IPv6 address in one canonical spelling (port, brackets and IPv4-mapping removed); null if it is not one. */
export function normalizeAddress(entry: string | undefined): string | null {
  let value = entry?.trim().replace(/^"(.*)"$/, "$1") ?? "";
  if (!value || value.length > 100) return null;
  const ipv4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?$/.exec(value);
  if (ipv4) return isIpv4(ipv4[1]) ? ipv4[1] : null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1];
  if (!value.includes(":") || !/^[0-9a-fA-F:.]+$/.test(value)) return null;
  let canonical: string;
  try {
    // The URL parser validates IPv6 and writes it canonically (lower case, zeros compressed).
    canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped) {
    const high = parseInt(mapped[1], 16);
    const low = parseInt(mapped[2], 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return canonical;
}

function isIpv4(value: string): boolean {
  return value.split(".").every((part) => Number(part) <= 255 && (part === "0" || !part.startsWith("0")));
}
