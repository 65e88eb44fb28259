import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { unitLabel } from "./units";

describe("indicator units", () => {
  it("reads the library's units in the reader's language and leaves a custom unit as stored", () => {
    const es = createTranslator("es");
    expect(["count", "tonnes", "people"].map((u) => unitLabel(u, es))).toEqual(["cantidad", "toneladas", "personas"]);
    expect(unitLabel("tonnes", createTranslator("en"))).toBe("tonnes");
    expect(unitLabel("hectares", es)).toBe("hectares");
  });
});
