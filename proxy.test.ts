import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/http/server-actions";
import { proxy } from "./proxy";

function action(path: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) {
  return new NextRequest(`http://localhost:3000${path}`, {
    method: "POST",
    headers: {
      host: "localhost:3000",
      origin: "http://localhost:3000",
      "next-action": "7f".repeat(21),
      // A FormData body brings its own multipart type and boundary.
      ...(init.body instanceof FormData ? {} : { "content-type": "text/plain;charset=UTF-8" }),
      ...init.headers,
    },
    body: init.body ?? JSON.stringify([{ email: "a@example.org" }]),
  });
}

function request(path: string, cookie?: string) {
  return new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });
}
const nonceOf = (csp: string | null) => csp?.match(/'nonce-([^']+)'/)?.[1];

afterEach(() => vi.unstubAllEnvs());

describe("proxy", async () => {
  it("redirects a visitor without a session to sign-in, keeping where they were going", async () => {
    const res = (await proxy(request("/awards/abc?tab=money")));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost:3000/sign-in?callbackUrl=%2Fawards%2Fabc%3Ftab%3Dmoney");
    expect((await proxy(request("/"))).headers.get("location")).toBe("http://localhost:3000/sign-in");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("lets public paths through without a session, and every path with one", async () => {
    for (const path of ["/sign-in", "/sign-in/check-email", "/api/health", "/api/auth/callback/resend", "/mailbox", "/mailbox/1"]) {
      const res = (await proxy(request(path)));
      expect(res.headers.get("x-middleware-next"), path).toBe("1");
    }
    expect((await proxy(request("/awards", "authjs.session-token=x"))).headers.get("x-middleware-next")).toBe("1");
    expect((await proxy(request("/awards", "__Secure-authjs.session-token=x"))).headers.get("x-middleware-next")).toBe("1");
  });

  it("tells the server which page a signed-in request is for (never what the client says), without the router's cache key", async () => {
    const forged = (path: string, cookie?: string) =>
      new NextRequest(`http://localhost:3000${path}`, { headers: { "x-portal-request-path": "/evil", ...(cookie ? { cookie } : {}) } });
    const page = await proxy(forged("/requests/abc?tab=files&_rsc=1x2y", "authjs.session-token=x"));
    expect(page.headers.get("x-middleware-request-x-portal-request-path")).toBe("/requests/abc?tab=files");
    const open = await proxy(forged("/sign-in/passkey"));
    expect(open.headers.get("x-middleware-override-headers")).not.toContain("x-portal-request-path");
    expect(open.headers.get("x-middleware-request-x-portal-request-path")).toBeNull();
  });

  it("gives every response its own nonce and hands the same policy to the renderer on the request", async () => {
    const a = (await proxy(request("/sign-in")));
    const b = (await proxy(request("/sign-in")));
    const csp = a.headers.get("content-security-policy");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(nonceOf(csp)).not.toBe(nonceOf(b.headers.get("content-security-policy")));
    // NextResponse.next({ request: { headers } }) passes overridden request headers this way.
    expect(a.headers.get("x-middleware-override-headers")).toContain("content-security-policy");
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("sends HSTS (and upgrades insecure requests) only when the portal's URL is https", async () => {
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    const plain = (await proxy(request("/sign-in")));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    vi.stubEnv("AUTH_URL", "https://portal.example.org");
    for (const res of [(await proxy(request("/sign-in"))), (await proxy(request("/awards")))]) {
      expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    }
  });

  it("sets the hardening headers", async () => {
    const res = (await proxy(request("/sign-in")));
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
  });

  describe("server-action requests Next.js would answer with a 500", () => {
    it("lets a same-origin action with a decodable body through", async () => {
      expect((await proxy(action("/sign-in"))).headers.get("x-middleware-next")).toBe("1");
      // The boundary is case-sensitive (browsers send mixed case).
      const browserForm = "------WebKitFormBoundaryAbC\r\nContent-Disposition: form-data; name=\"1_userId\"\r\n\r\nx\r\n------WebKitFormBoundaryAbC--\r\n";
      const sent = await proxy(action("/sign-in", { headers: { "content-type": "multipart/form-data; boundary=----WebKitFormBoundaryAbC" }, body: browserForm }));
      expect(sent.headers.get("x-middleware-next")).toBe("1");
      const form = new FormData();
      form.set("1_email", "a@example.org");
      expect((await proxy(action("/sign-in", { body: form }))).headers.get("x-middleware-next")).toBe("1");
      // Behind a proxy that forwards the host it was asked for, as Next.js compares it.
      const forwarded = action("/sign-in", { headers: { host: "10.0.0.5:3000", "x-forwarded-host": "portal.example.org", origin: "https://portal.example.org" } });
      expect((await proxy(forwarded)).headers.get("x-middleware-next")).toBe("1");
    });

    it("refuses a foreign, opaque or unreadable Origin with 403, in the visitor's language", async () => {
      for (const origin of ["https://evil.example", "null", "not a url", "http://localhost:3001"]) {
        const res = await proxy(action("/awards/new", { headers: { origin } }));
        expect(res.status, origin).toBe(403);
        expect(res.headers.get("x-middleware-next")).toBeNull();
        expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
        expect(await res.text()).toContain("came from another site");
      }
      const es = await proxy(action("/awards/new", { headers: { origin: "https://evil.example", cookie: "fap-locale=es" } }));
      expect(await es.text()).toContain("provino de otro sitio");
      const browser = await proxy(action("/awards/new", { headers: { origin: "https://evil.example", "accept-language": "es-GT,es;q=0.9" } }));
      expect(await browser.text()).toContain("provino de otro sitio");
    });

    it("refuses a body over the limit with 413, declared or not", async () => {
      const big = JSON.stringify(["x".repeat(SERVER_ACTION_BODY_LIMIT_BYTES)]);
      const declared = await proxy(action("/sign-in", { headers: { "content-length": String(big.length) }, body: big }));
      expect(declared.status).toBe(413);
      expect(await declared.text()).toContain("larger than the portal accepts (1 MB)");
      expect((await proxy(action("/sign-in", { body: big }))).status).toBe(413);
    });

    it("refuses an undecodable body with 400", async () => {
      for (const body of ["{not json", '{"email":"a@example.org"}', "\"text\"", new Uint8Array([0x5b, 0xff, 0x5d])]) {
        const res = await proxy(action("/sign-in", { body }));
        expect(res.status, String(body)).toBe(400);
        expect(await res.text()).toContain("could not read this request");
      }
      const broken = await proxy(action("/sign-in", { headers: { "content-type": "multipart/form-data; boundary=abc" }, body: "--abc\r\nnot a part" }));
      expect(broken.status).toBe(400);
      expect((await proxy(action("/sign-in", { headers: { "content-length": "12abc" } }))).status).toBe(400);
    });

    it("leaves API and file routes, and reads, to their handlers", async () => {
      expect((await proxy(action("/api/auth/signout", { headers: { origin: "https://evil.example" } }))).headers.get("x-middleware-next")).toBe("1");
      expect((await proxy(request("/sign-in"))).status).toBe(200);
    });
  });
});
