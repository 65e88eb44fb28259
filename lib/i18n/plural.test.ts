import { describe, expect, it } from "vitest";
import { plural } from "./plural";
import { createTranslator } from "./translate";

describe("plural", () => {
  const en = createTranslator("en");
  const es = createTranslator("es");

  it("picks the singular for 1 and the plural otherwise, in both languages", () => {
    expect(plural(en, "en", "passkeys.account.count", 1)).toBe("You have 1 passkey.");
    expect(plural(en, "en", "passkeys.account.count", 2)).toBe("You have 2 passkeys.");
    expect(plural(es, "es", "passkeys.account.count", 1)).toBe("Tiene 1 llave de acceso.");
    expect(plural(es, "es", "passkeys.account.count", 3)).toBe("Tiene 3 llaves de acceso.");
  });

  it("uses the zero form where a message has one, else the plural", () => {
    expect(plural(en, "en", "passkeys.reset.count", 0)).toMatch(/^This user has no passkey\./);
    expect(plural(es, "es", "passkeys.reset.count", 0)).toMatch(/^Este usuario no tiene llaves/);
    expect(plural(en, "en", "passkeys.account.count", 0)).toBe("You have 0 passkeys.");
  });
});
