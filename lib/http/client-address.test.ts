import { describe, expect, it } from "vitest";
import { headersForApplication, parseTrustedProxyHops } from "./client-address";

describe("TRUSTED_PROXY_HOPS", () => {
  it("is 0 (no proxy) when unset or empty", () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops("")).toBe(0);
    expect(parseTrustedProxyHops(" ")).toBe(0);
  });

  it("accepts whole numbers from 0 to 10", () => {
    expect(parseTrustedProxyHops("0")).toBe(0);
    expect(parseTrustedProxyHops("1")).toBe(1);
    expect(parseTrustedProxyHops(" 2 ")).toBe(2);
    expect(parseTrustedProxyHops("10")).toBe(10);
  });

  it("refuses anything else with a message naming the variable", () => {
    for (const bad of ["-1", "11", "1.5", "one", "1e1", "0x1", "true", "100"]) {
      expect(() => parseTrustedProxyHops(bad), bad).toThrow(/TRUSTED_PROXY_HOPS must be a whole number from 0 to 10/);
    }
  });
});

describe("the headers the application sees", () => {
  it("with no proxy, lose a client-sent X-Forwarded-For (Next.js then records the connection's address) and keep the rest", () => {
    const cleaned = headersForApplication(new Headers({ "x-forwarded-for": "203.0.113.1", "user-agent": "Firefox", cookie: "a=b" }), 0);
    expect(cleaned?.has("x-forwarded-for")).toBe(false);
    expect(cleaned?.get("user-agent")).toBe("Firefox");
    expect(cleaned?.get("cookie")).toBe("a=b");
  });

  it("are passed on unchanged when there is nothing to remove or a proxy is trusted", () => {
    expect(headersForApplication(new Headers({ "user-agent": "Firefox" }), 0)).toBeNull();
    expect(headersForApplication(new Headers({ "x-forwarded-for": "203.0.113.1, 192.0.2.10" }), 1)).toBeNull();
  });
});
