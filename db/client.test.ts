import { describe, expect, it } from "vitest";
import { reconnectDelaySeconds } from "./client";

describe("reconnectDelaySeconds (postgres.js backoff after failed connections)", () => {
  it("never makes a request wait more than a second for a new attempt, however long the outage", () => {
    for (let attempts = 0; attempts <= 200; attempts++) {
      for (let i = 0; i < 20; i++) {
        const delay = reconnectDelaySeconds(attempts);
        expect(delay).toBeGreaterThan(0);
        expect(delay).toBeLessThanOrEqual(1);
      }
    }
  });

  it("starts short and grows with the failures, so a dead server is not hammered", () => {
    expect(reconnectDelaySeconds(0)).toBeLessThanOrEqual(0.05);
    const longest = (attempts: number) => Math.max(...Array.from({ length: 50 }, () => reconnectDelaySeconds(attempts)));
    expect(longest(2)).toBeLessThan(longest(4));
    expect(longest(10)).toBeGreaterThanOrEqual(0.5);
  });
});
