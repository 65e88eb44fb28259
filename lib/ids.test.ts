import { describe, expect, it } from "vitest";
import { INTEGER_MAX, isUserId, isUuid, isVersion, newCreationKey } from "./ids";

const ID = "5f0c6f3e-8a3b-4c55-9d8e-2b7a1c9e4f10";

describe("ids and versions from URLs and forms", () => {
  it("isUuid takes a UUID in either case and nothing else", () => {
    expect(isUuid(ID)).toBe(true);
    expect(isUuid(ID.toUpperCase())).toBe(true);
    for (const v of ["-".repeat(36), `${ID}\u0000`, ` ${ID}`, [ID], 42, null, undefined]) expect(isUuid(v), String(v)).toBe(false);
  });

  it("isUserId takes any bounded text PostgreSQL can compare", () => {
    expect(isUserId(ID)).toBe(true);
    expect(isUserId("legacy-id-7")).toBe(true);
    expect(isUserId("x".repeat(200))).toBe(true);
    for (const v of ["", "x".repeat(201), "a\u0000b", "a\uD800", "\u202Eabc", [ID], 42, null, undefined]) expect(isUserId(v), JSON.stringify(v)).toBe(false);
  });

  it("isVersion takes the whole numbers an integer column holds, from 1", () => {
    expect(isVersion(1)).toBe(true);
    expect(isVersion(INTEGER_MAX)).toBe(true);
    for (const v of [0, -1, 1.5, INTEGER_MAX + 1, 1e15, Number.NaN, Number.POSITIVE_INFINITY, "1", [1], true, null]) expect(isVersion(v), String(v)).toBe(false);
  });
});

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newCreationKey", () => {
  it("uses crypto.randomUUID when there is one", () => {
    expect(newCreationKey()).toMatch(UUID_V4);
    expect(newCreationKey()).not.toBe(newCreationKey());
  });

  it("falls back to getRandomValues outside secure contexts", () => {
    const key = newCreationKey({ getRandomValues: (array) => globalThis.crypto.getRandomValues(array) });
    expect(key).toMatch(UUID_V4);
    const zeros = newCreationKey({ getRandomValues: (array) => array });
    expect(zeros).toBe("00000000-0000-4000-8000-000000000000");
  });
});
