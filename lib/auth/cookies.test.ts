import { describe, expect, it } from "vitest";
import { isSecureCookieMode, sessionCookieName } from "./cookies";
import { safeCallbackPath, signInSchema } from "./schema";

describe("session cookie security", () => {
  it("is Secure for https deployments and any non-local host", () => {
    expect(isSecureCookieMode("https://portal.example.org")).toBe(true);
    expect(isSecureCookieMode("http://portal.example.org")).toBe(true);
    expect(sessionCookieName(true)).toBe("__Secure-authjs.session-token");
  });

  it("is not Secure only on plain http on this machine (demo and tests)", () => {
    expect(isSecureCookieMode("http://localhost:3000")).toBe(false);
    expect(isSecureCookieMode("http://127.0.0.1:3100")).toBe(false);
    expect(sessionCookieName(false)).toBe("authjs.session-token");
  });
});

describe("post-sign-in destination", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/admin/users?page=2")).toBe("/admin/users?page=2");
  });

  it("refuses other sites and loops", () => {
    expect(safeCallbackPath("https://evil.example.com/")).toBe("/");
    expect(safeCallbackPath("//evil.example.com/path")).toBe("/");
    expect(safeCallbackPath("/sign-in/confirm")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
  });
});

describe("sign-in form schema", () => {
  it("normalizes the address", () => {
    expect(signInSchema.parse({ email: "  Focal.GT@Example.ORG " }).email).toBe("focal.gt@example.org");
  });

  it("answers bad addresses with a translatable key", () => {
    for (const email of ["", "not-an-address", "a@", `${"x".repeat(250)}@example.org`]) {
      const result = signInSchema.safeParse({ email });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toBe("auth.signIn.invalidEmail");
    }
  });
});
