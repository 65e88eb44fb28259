import { describe, expect, it } from "vitest";
import { firstValues } from "./search-params";

describe("firstValues", () => {
  it("keeps the first of a repeated parameter and leaves single and missing ones as they are", () => {
    expect(firstValues({ q: ["a", "b"], status: "draft", page: undefined })).toEqual({ q: "a", status: "draft", page: undefined });
    expect(firstValues({})).toEqual({});
  });
});
