import { describe, expect, it } from "vitest";
import { versionStamp } from "./version-stamp";

const stamp = versionStamp("admin.errors.versionInvalid");

describe("versionStamp, the updated_at an edit form sends back", () => {
  it.each(["2026-03-01T12:00:00.000Z", "2026-03-01T12:00:00.123456Z", "2026-03-01T08:00:00-04:00", "2000-01-01T00:00:00Z"])("accepts %s", (s) => {
    expect(stamp.safeParse(s).success).toBe(true);
  });

  it.each([
    ["year 0", "0000-01-01T00:00:00Z"],
    ["year 0 in UTC", "0001-01-01T00:30:00+01:00"],
    ["year 10000 in UTC", "9999-12-31T23:59:59-12:00"],
    ["before 2000", "1999-12-31T23:59:59Z"],
    ["no such day", "2025-02-30T00:00:00Z"],
    ["no offset", "2026-03-01T12:00:00"],
    ["a date only", "2026-03-01"],
    ["a number", 1767225600000],
  ])("refuses %s with the field's message", (_name, s) => {
    const result = stamp.safeParse(s);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("admin.errors.versionInvalid");
  });
});
