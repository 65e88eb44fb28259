import { describe, expect, it } from "vitest";
import { backoffMs, BACKOFF_MAX_MS, DEFAULT_MAIL_FROM, MAX_ATTEMPTS, mailFromEnv, transportFromEnv } from "./sender";

describe("backoffMs", () => {
  it("waits 30 s after the first failure and doubles after each further one", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000,
    ]);
  });

  it("never waits more than an hour", () => {
    expect(BACKOFF_MAX_MS).toBe(3_600_000);
    expect(backoffMs(8)).toBe(3_600_000);
    expect(backoffMs(50)).toBe(3_600_000);
    expect(backoffMs(10_000)).toBe(3_600_000);
  });

  it("treats nonsense attempt counts as the first attempt", () => {
    expect(backoffMs(0)).toBe(30_000);
    expect(backoffMs(-3)).toBe(30_000);
    expect(backoffMs(Number.NaN)).toBe(30_000);
  });

  it("is never shorter for a later attempt", () => {
    for (let n = 1; n < 40; n += 1) expect(backoffMs(n + 1)).toBeGreaterThanOrEqual(backoffMs(n));
  });

  it("spreads all retries over well under the 24 hours Resend keeps an idempotency key", () => {
    let total = 0;
    for (let n = 1; n < MAX_ATTEMPTS; n += 1) total += backoffMs(n);
    expect(total).toBeLessThan(24 * 3_600_000);
  });
});

describe("configuration from the environment", () => {
  it("sends through Resend only when an API key is set", () => {
    expect(transportFromEnv({ RESEND_API_KEY: "re_test_123" }).name).toBe("resend");
    expect(transportFromEnv({}).name).toBe("local");
    expect(transportFromEnv({ RESEND_API_KEY: "  " }).name).toBe("local");
  });

  it("uses MAIL_FROM, else the portal's default sender", () => {
    expect(mailFromEnv({ MAIL_FROM: "Portal <noreply@oas.example>" })).toBe("Portal <noreply@oas.example>");
    expect(mailFromEnv({})).toBe(DEFAULT_MAIL_FROM);
    expect(DEFAULT_MAIL_FROM).toBe("Firearms Assistance Portal <portal@example.org>");
  });
});
