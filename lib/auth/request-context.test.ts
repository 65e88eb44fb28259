import { describe, expect, it } from "vitest";
import { ipAndAgentFrom } from "./request-context";

// X-Forwarded-For as the application receives it from `next start` (see lib/http/client-address.ts).
const from = (forwardedFor: string | null, hops: number) =>
  ipAndAgentFrom(new Headers(forwardedFor === null ? {} : { "x-forwarded-for": forwardedFor }), hops).ip;

describe("the client address behind the sign-in limit and the audit trail", () => {
  it("with no proxy, is the connection's address (the only entry once the portal's proxy removed the client's)", () => {
    expect(from("192.0.2.10", 0)).toBe("192.0.2.10");
    expect(from("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(from("::1", 0)).toBe("::1");
  });

  it("with no proxy, never takes a client-written entry to the left of the connection's address", () => {
    expect(from("203.0.113.1, 192.0.2.10", 0)).toBe("192.0.2.10");
    expect(from("203.0.113.2, 203.0.113.1, 192.0.2.10", 0)).toBe("192.0.2.10");
  });

  it("with one proxy, is the address the proxy appended, whatever the client put before it", () => {
    expect(from("192.0.2.10", 1)).toBe("192.0.2.10");
    expect(from("203.0.113.1, 192.0.2.10", 1)).toBe("192.0.2.10");
    expect(from("203.0.113.99, 203.0.113.1, 192.0.2.10", 1)).toBe("192.0.2.10");
  });

  it("with two proxies, is the second entry from the right", () => {
    expect(from("192.0.2.10, 10.0.0.5", 2)).toBe("192.0.2.10");
    expect(from("203.0.113.1, 192.0.2.10, 10.0.0.5", 2)).toBe("192.0.2.10");
    expect(from("forged, 203.0.113.1, 192.0.2.10, 10.0.0.5", 2)).toBe("192.0.2.10");
  });

  it("with a chain shorter than the configured proxies, is its leftmost entry", () => {
    expect(from("192.0.2.10", 2)).toBe("192.0.2.10");
    expect(from("192.0.2.10, 10.0.0.5", 3)).toBe("192.0.2.10");
  });

  it("spells one address one way (ports, brackets, IPv4-mapped IPv6, case, zeros)", () => {
    expect(from("192.0.2.10:51234", 1)).toBe("192.0.2.10");
    expect(from("[2001:DB8:0:0::1]:443", 1)).toBe("2001:db8::1");
    expect(from("2001:db8:0000::1", 1)).toBe("2001:db8::1");
    expect(from('"192.0.2.10"', 1)).toBe("192.0.2.10");
    expect(from("::ffff:192.0.2.10", 1)).toBe("192.0.2.10");
  });

  it("gives no address for a malformed entry where the client should be, and ignores malformed entries left of it", () => {
    for (const bad of ["unknown", "", " ", "999.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "not:an:ip:zz", "[::1", "::1]"]) {
      expect(from(`203.0.113.1, ${bad}`, 1), bad).toBeNull();
    }
    expect(from("garbage, , unknown, 192.0.2.10", 1)).toBe("192.0.2.10");
    expect(from("garbage,,192.0.2.10,10.0.0.5", 2)).toBe("192.0.2.10");
    expect(from("x".repeat(5000), 0)).toBeNull();
    expect(from(null, 0)).toBeNull();
    expect(from(null, 1)).toBeNull();
  });

  it("no longer reads X-Real-IP, which a client can set as easily", () => {
    expect(ipAndAgentFrom(new Headers({ "x-real-ip": "203.0.113.1" }), 0).ip).toBeNull();
  });

  it("keeps the user agent", () => {
    expect(ipAndAgentFrom(new Headers({ "user-agent": "Firefox", "x-forwarded-for": "192.0.2.10" }), 0)).toEqual({
      ip: "192.0.2.10",
      userAgent: "Firefox",
    });
  });
});
