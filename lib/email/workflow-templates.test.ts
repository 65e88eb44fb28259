import { describe, expect, it } from "vitest";
import { renderMail } from "./render";

const url = "http://portal.test/requests/7b0c2f4e-0000-4000-8000-000000000001";

describe("workflow mails", () => {
  it("a decision letter is written in the recipient's language and keeps the memo as text", async () => {
    const memo = "Approved with conditions:\n1. <b>Quarterly</b> reports\n2. Training first";
    const en = await renderMail("decision-letter", "en", { reference: "GT-2026-0001", title: "Marking", decision: "approve", memo, url });
    const es = await renderMail("decision-letter", "es", { reference: "GT-2026-0001", title: "Marcaje", decision: "approve", memo, url });
    expect(en.subject).toBe("Request GT-2026-0001 is approved");
    expect(es.subject).toBe("La solicitud GT-2026-0001 fue aprobada");
    expect(en.html).toContain("&lt;b&gt;Quarterly&lt;/b&gt;");
    expect(en.html).not.toContain("<b>Quarterly</b>");
    expect(en.html).toMatch(/Approved with conditions:<br\/>1\./);
    expect(en.text).toContain("1. <b>Quarterly</b> reports\n2. Training first");
    const rejected = await renderMail("decision-letter", "es", { reference: "GT-2026-0001", title: "Marcaje", decision: "reject", memo: "No.", url });
    expect(rejected.subject).toBe("Decisión sobre la solicitud GT-2026-0001");
  });

  it("award notices format the amount for the recipient", async () => {
    const payload = { reference: "AW-2026-0001", programName: { en: "CBSI", es: "ICSC" }, amountMinor: 12_345_600, currency: "USD", url };
    expect((await renderMail("award-notice", "en", payload)).text).toContain("$123,456.00");
    expect((await renderMail("award-approval-needed", "es", payload)).text).toContain("ICSC");
  });

  it("refuses payloads with a link that is not http(s)", async () => {
    await expect(renderMail("review-assigned", "en", { reference: "X", title: "Y", url: "javascript:alert(1)" })).rejects.toThrow();
  });

  it("changes-requested mails carry the officer's message", async () => {
    const mail = await renderMail("changes-requested", "es", { reference: "HN-2026-0002", title: "Capacitación", message: "Detalle el presupuesto.", url });
    expect(mail.subject).toBe("Se solicitan cambios en la solicitud HN-2026-0002");
    expect(mail.text).toContain("Detalle el presupuesto.");
  });
});
