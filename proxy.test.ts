import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "./proxy";

function request(path: string, cookie?: string) {
  return new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });
}
const nonceOf = (csp: string | null) => csp?.match(/'nonce-([^']+)'/)?.[1];

afterEach(() => vi.unstubAllEnvs());

describe("proxy", () => {
  it("redirects a visitor without a session to sign-in, keeping where they were going", () => {
    const res = proxy(request("/awards/abc?tab=money"));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost:3000/sign-in?callbackUrl=%2Fawards%2Fabc%3Ftab%3Dmoney");
    expect(proxy(request("/")).headers.get("location")).toBe("http://localhost:3000/sign-in");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("lets public paths through without a session, and every path with one", () => {
    for (const path of ["/sign-in", "/sign-in/check-email", "/api/health", "/api/auth/callback/resend", "/mailbox", "/mailbox/1"]) {
      const res = proxy(request(path));
      expect(res.headers.get("x-middleware-next"), path).toBe("1");
    }
    expect(proxy(request("/awards", "authjs.session-token=x")).headers.get("x-middleware-next")).toBe("1");
    expect(proxy(request("/awards", "__Secure-authjs.session-token=x")).headers.get("x-middleware-next")).toBe("1");
  });

  it("gives every response its own nonce and hands the same policy to the renderer on the request", () => {
    const a = proxy(request("/sign-in"));
    const b = proxy(request("/sign-in"));
    const csp = a.headers.get("content-security-policy");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(nonceOf(csp)).not.toBe(nonceOf(b.headers.get("content-security-policy")));
    // NextResponse.next({ request: { headers } }) passes overridden request headers this way.
    expect(a.headers.get("x-middleware-override-headers")).toContain("content-security-policy");
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("sends HSTS (and upgrades insecure requests) only when the portal's URL is https", () => {
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    const plain = proxy(request("/sign-in"));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    vi.stubEnv("AUTH_URL", "https://portal.example.org");
    for (const res of [proxy(request("/sign-in")), proxy(request("/awards"))]) {
      expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    }
  });

  it("sets the hardening headers", () => {
    const res = proxy(request("/sign-in"));
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
  });
});
