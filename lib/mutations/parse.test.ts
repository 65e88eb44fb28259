import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput, userId } from "./parse";

describe("userId()", () => {
  const schema = z.strictObject({ userId: userId(), name: z.string().min(1, "admin.errors.nameRequired") });

  it("takes any bounded text a user's id may be, not only a uuid", () => {
    for (const id of ["no-such-user", "legacy-id-7", "x".repeat(200), "0b6d2c1e-3a8f-4b7e-9c2d-5f1a6e8b9c0d"]) {
      expect(parseInput(schema, { userId: id, name: "A" })).toEqual({ userId: id, name: "A" });
    }
  });

  it("answers not found for an id no user can have, before any other field's error", () => {
    for (const id of ["", "x".repeat(201), "a\u0000b", "a\uD800", 42, null, undefined, ["u"]]) {
      expect(() => parseInput(schema, { userId: id, name: "" }), JSON.stringify(id)).toThrow(NotFoundError);
    }
    expect(() => parseInput(schema, { userId: "u1", name: "" })).toThrow(ValidationError);
  });
});
