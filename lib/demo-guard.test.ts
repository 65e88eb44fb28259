import { describe, expect, it } from "vitest";
import { demoModeRefusal, isLoopbackUrl } from "./demo-guard.mjs";

describe("demo mode guard", () => {
  it("allows demo mode on this machine only", () => {
    for (const url of ["http://localhost:3000", "https://LOCALHOST", "http://127.0.0.1:3000", "http://127.8.9.10", "http://[::1]:3000"]) {
      expect(isLoopbackUrl(url), url).toBe(true);
      expect(demoModeRefusal({ DEMO_MODE: "1", AUTH_URL: url }), url).toBeNull();
    }
  });

  it("refuses any other host, and a URL that is not one", () => {
    for (const url of ["https://portal.example.org", "http://10.0.0.5:3000", "http://0.0.0.0:3000", "http://localhost.example.org", "http://127.0.0.1.nip.io", "http://[::2]", "not a url"]) {
      expect(isLoopbackUrl(url), url).toBe(false);
      expect(demoModeRefusal({ DEMO_MODE: "1", AUTH_URL: url }), url).toMatch(/Refusing to start: demo mode/);
    }
  });

  it("says nothing when demo mode is off", () => {
    expect(demoModeRefusal({ AUTH_URL: "https://portal.example.org" })).toBeNull();
    expect(demoModeRefusal({ DEMO_MODE: "0", AUTH_URL: "https://portal.example.org" })).toBeNull();
  });
});
