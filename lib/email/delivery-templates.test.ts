import { describe, expect, it } from "vitest";
import { renderMail } from "./render";

const url = "http://portal.test/awards/1";

describe("delivery mail templates", () => {
  it("render the reminders in both languages with the due date and the kind", async () => {
    const en = await renderMail("reminder-deliverable", "en", { reference: "AW-2026-0001", title: "Machines installed", dueOn: "2026-03-03", kind: "3_days", url });
    expect(en.subject).toBe("Deliverable on award AW-2026-0001 is due in 3 days");
    expect(en.text).toContain("Machines installed");
    const es = await renderMail("reminder-report", "es", { reference: "AW-2026-0001", periodNumber: 2, dueOn: "2026-03-04", kind: "14_days", url });
    expect(es.subject).toBe("El informe de avance 2 de la subvención AW-2026-0001 vence en 14 días");
    expect(es.html).toContain(url);
  });

  it("render the review and the disbursement notices", async () => {
    const returned = await renderMail("deliverable-reviewed", "es", { reference: "AW-1", title: "Acta", decision: "return", comment: "Falta la firma.", url });
    expect(returned.subject).toBe("Producto devuelto en la subvención AW-1");
    expect(returned.text).toContain("Falta la firma.");
    const paid = await renderMail("disbursement-recorded", "en", { reference: "AW-1", position: 2, amountMinor: 4_000_000, currency: "USD", disbursedOn: "2026-08-01", url });
    expect(paid.subject).toBe("Disbursement recorded on award AW-1");
    expect(paid.text).toMatch(/Tranche 2 of award AW-1 was disbursed: \$40,000\.00/);
  });

  it("refuse a payload of the wrong shape", async () => {
    await expect(renderMail("reminder-report", "en", { reference: "AW-1", periodNumber: 1, dueOn: "soon", kind: "overdue", url } as never)).rejects.toThrow(/invalid payload/);
  });
});
