import { describe, expect, it } from "vitest";
import { canRemovePasskey, challengeExpiry, checkConsumedChallenge, passkeyName, relyingPartyFrom, CHALLENGE_TTL_MS } from "./rules";

const now = new Date("2026-12-03T12:00:00Z");

describe("WebAuthn challenges", () => {
  it("expire 5 minutes after they are issued", () => {
    expect(challengeExpiry(now).getTime() - now.getTime()).toBe(CHALLENGE_TTL_MS);
    expect(CHALLENGE_TTL_MS).toBe(5 * 60_000);
  });

  it("a consumed, unexpired challenge is good", () => {
    expect(checkConsumedChallenge({ challenge: "abc", expiresAt: new Date(now.getTime() + 1) }, now)).toEqual({ ok: true, challenge: "abc" });
  });

  it("none to consume (never issued, or already used: a replay) is refused", () => {
    expect(checkConsumedChallenge(null, now)).toEqual({ ok: false, reason: "challenge_missing" });
  });

  it("an expired challenge is refused at its expiry instant", () => {
    expect(checkConsumedChallenge({ challenge: "abc", expiresAt: now }, now)).toEqual({ ok: false, reason: "challenge_expired" });
  });
});

describe("passkey rules", () => {
  it("the last passkey cannot be removed by its owner", () => {
    expect(canRemovePasskey(1)).toBe(false);
    expect(canRemovePasskey(0)).toBe(false);
    expect(canRemovePasskey(2)).toBe(true);
  });

  it("the relying party comes from the portal's URL", () => {
    expect(relyingPartyFrom("https://portal.example.org/some/path")).toEqual({ rpId: "portal.example.org", origin: "https://portal.example.org" });
    expect(relyingPartyFrom("http://localhost:3700")).toEqual({ rpId: "localhost", origin: "http://localhost:3700" });
  });

  it("names are one trimmed line of at most 60 characters, with a default", () => {
    expect(passkeyName("  My\nlaptop\u0000 ", "Passkey")).toBe("My laptop");
    expect(passkeyName("", "Passkey")).toBe("Passkey");
    expect(passkeyName(42, "Passkey")).toBe("Passkey");
    expect(passkeyName("x".repeat(100), "Passkey")).toHaveLength(60);
    expect(passkeyName("Work\uD800 laptop\u202E", "Passkey")).toBe("Work laptop");
    expect(passkeyName(`${"x".repeat(59)}\uD83D\uDE00!`, "Passkey")).toBe(`${"x".repeat(59)}\uD83D\uDE00`);
  });
});
