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

  it("says an upload cap of one without a count", () => {
    expect(plural(en, "en", "attachments.errors.tooManyUploads", 1)).toBe("You already have an upload in progress. Wait for it to finish, then try again.");
    expect(plural(es, "es", "attachments.errors.tooManyUploads", 1)).toBe("Ya tiene una carga en curso. Espere a que termine y vuelva a intentarlo.");
    expect(plural(es, "es", "attachments.errors.tooManyUploads", 3)).toBe("Ya tiene 3 cargas en curso. Espere a que termine alguna y vuelva a intentarlo.");
  });

  it("uses the zero form where a message has one, else the plural", () => {
    expect(plural(en, "en", "passkeys.reset.count", 0)).toMatch(/^This user has no passkey\./);
    expect(plural(es, "es", "passkeys.reset.count", 0)).toMatch(/^Este usuario no tiene llaves/);
    expect(plural(en, "en", "passkeys.account.count", 0)).toBe("You have 0 passkeys.");
  });

  it("counts headings and results in words, agreeing with the number in Spanish", () => {
    expect(plural(es, "es", "home.attention.deliverables", 1)).toBe("1 producto atrasado");
    expect(plural(es, "es", "home.attention.deliverables", 3)).toBe("3 productos atrasados");
    expect(plural(en, "en", "home.attention.reports", 1)).toBe("1 overdue progress report");
    expect(plural(es, "es", "awards.list.total", 1)).toBe("Se encontró 1 subvención.");
    expect(plural(es, "es", "awards.list.total", 2)).toBe("Se encontraron 2 subvenciones.");
    expect(plural(en, "en", "requests.revisions.changedCount", 1, { previous: 2 })).toBe("1 field changed since revision 2.");
  });

  it("builds a figure that counts two things from one counted part each", () => {
    const reports = (accepted: number, overdue: number) =>
      es("pdf.summary.reportsValue", { accepted: plural(es, "es", "pdf.tally.accepted", accepted), overdue: plural(es, "es", "pdf.tally.overdue", overdue) });
    expect(reports(1, 0)).toBe("1 aceptado, 0 vencidos");
    expect(reports(2, 1)).toBe("2 aceptados, 1 vencido");
  });

  it("writes the count as the figures around it are written", () => {
    expect(plural(en, "en", "requests.list.total", 1250)).toBe("1,250 requests found.");
  });
});
