// The response headers every page and file carries: a Content-Security-Policy with a fresh nonce per
// response, HSTS when the portal is served over https, and the usual hardening headers. Pure functions
// of their inputs, applied by proxy.ts; they check nothing about the user.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/config/env";

/** A fresh, unguessable nonce (128 random bits, base64): Next.js reads it back from the CSP header. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function isHttpsUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * The policy. Scripts: only those carrying this response's nonce, and what they load ('strict-dynamic');
 * 'self' is a fallback for old browsers that ignore 'strict-dynamic'. Styles: 'unsafe-inline' because the
 * pages set style attributes and recharts draws its charts with inline styles; a nonce would make browsers
 * ignore 'unsafe-inline', so styles carry none. Nothing is loaded from another origin.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean; dev?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** The headers of every response besides the CSP. */
export function staticSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Two years, as the HSTS preload list asks; only over https, where the browser honours it anyway,
    // so that the demo on http://localhost never pins a developer's browser to https.
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * Continues the request with its CSP on the request headers (so that Next.js puts the nonce on its own
 * scripts while rendering) and returns the response headers to set on whatever answers the request.
 */
export function withSecurityHeaders(
  request: NextRequest,
  env: { authUrl?: string; nodeEnv?: string } = { authUrl: getEnv().AUTH_URL, nodeEnv: process.env.NODE_ENV },
): { next: (requestHeaders?: Headers) => NextResponse; apply: (response: NextResponse) => NextResponse } {
  const https = isHttpsUrl(env.authUrl);
  const csp = contentSecurityPolicy(createNonce(), { https, dev: env.nodeEnv === "development" });
  const apply = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    for (const [key, value] of Object.entries(staticSecurityHeaders({ https }))) response.headers.set(key, value);
    return response;
  };
  // `base`: the request headers to continue with, when the proxy changed them (the client address).
  const next = (base?: Headers) => {
    const requestHeaders = new Headers(base ?? request.headers);
    requestHeaders.set("Content-Security-Policy", csp);
    return apply(NextResponse.next({ request: { headers: requestHeaders } }));
  };
  return { next, apply };
}
