import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/config/env";

/** The portal's origin for links in mail: AUTH_URL when set, else this request's host. */
export async function getBaseUrl(): Promise<string> {
  const configured = getEnv().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("host") || "localhost:3000";
  const forwarded = h.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const isLoopback = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  const proto = forwarded === "http" || forwarded === "https" ? forwarded : isLoopback ? "http" : "https";
  return `${proto}://${host}`;
}
