import { describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/messages";
import { isTemplateName, MailRenderError, renderMail, renderStoredMail, renderSubject } from "./render";

const signInUrl = "https://portal.example.org/sign-in/confirm?token=abc123&email=ana%40example.org";

/** What a person reads in the HTML: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("sign-in link mail", () => {
  it("is written in English for an English-speaking recipient, with the link as button and as text", async () => {
    const mail = await renderMail("sign-in-link", "en", { url: signInUrl, minutes: 15 });
    expect(mail.subject).toBe("Your sign-in link for the Firearms Assistance Portal");
    expect(mail.html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(mail.html).toContain('<html lang="en"');
    // The URL appears as href (escaped as HTML requires) and as visible text.
    const escapedUrl = signInUrl.replace(/&/g, "&amp;");
    expect(mail.html.split(`href="${escapedUrl}"`).length - 1).toBe(2);
    const text = visibleText(mail.html);
    expect(text).toContain("Sign in");
    expect(text).toContain(signInUrl);
    expect(text).toContain("The link works once and expires in 15 minutes.");
    expect(text).toContain("If you did not ask for this link, ignore this email");
    expect(text).toContain("You receive this email because you have an account on the Firearms Assistance Portal.");

    expect(mail.text).toContain(`Sign in: ${signInUrl}`);
    expect(mail.text).toContain("expires in 15 minutes");
    expect(mail.text).toContain("You receive this email because you have an account on the Firearms Assistance Portal.");
    expect(mail.text).not.toMatch(/<[a-z]|&amp;/i);
  });

  it("says one minute in the singular, in both languages", async () => {
    const en = await renderMail("sign-in-link", "en", { url: signInUrl, minutes: 1 });
    expect(visibleText(en.html)).toContain("expires in 1 minute.");
    expect(en.text).toContain("expires in 1 minute.");
    const es = await renderMail("sign-in-link", "es", { url: signInUrl, minutes: 1 });
    expect(visibleText(es.html)).toContain("vence en 1 minuto.");
    expect(es.text).toContain("vence en 1 minuto.");
  });

  it("is written in Spanish for a Spanish-speaking recipient", async () => {
    const mail = await renderMail("sign-in-link", "es", { url: signInUrl, minutes: 10 });
    expect(mail.subject).toBe("Su enlace de acceso al Portal de Asistencia sobre Armas de Fuego");
    expect(mail.html).toContain('<html lang="es"');
    const text = visibleText(mail.html);
    expect(text).toContain("Iniciar sesión");
    expect(text).toContain("vence en 10 minutos");
    expect(text).not.toContain("Sign in");
    expect(mail.text).toContain(`Iniciar sesión: ${signInUrl}`);
    expect(mail.text).toContain("Recibe este correo porque tiene una cuenta");
    expect(mail.text).not.toContain("expires");
  });

  it("refuses a link that is not http(s)", async () => {
    await expect(renderMail("sign-in-link", "en", { url: "javascript:alert(1)", minutes: 15 })).rejects.toBeInstanceOf(
      MailRenderError,
    );
  });
});

describe("invitation mail", () => {
  const payload = {
    inviterName: "Ana María Pérez",
    signInUrl: "https://portal.example.org/sign-in",
    roles: ["focal_point", "reviewer"],
  };

  it("names the inviter and the roles in English", async () => {
    const mail = await renderMail("invitation", "en", payload);
    expect(mail.subject).toBe("Ana María Pérez gave you access to the Firearms Assistance Portal");
    const text = visibleText(mail.html);
    expect(text).toContain("Ana María Pérez has given you access to the Firearms Assistance Portal with these roles:");
    expect(text).toContain("Focal point");
    expect(text).toContain("Reviewer");
    expect(mail.html).toContain('href="https://portal.example.org/sign-in"');
    expect(mail.text).toContain("- Focal point\n- Reviewer");
    expect(mail.text).toContain("Go to the sign-in page: https://portal.example.org/sign-in");
  });

  it("names the roles in Spanish for a Spanish-speaking recipient", async () => {
    const mail = await renderMail("invitation", "es", payload);
    expect(mail.subject).toBe("Ana María Pérez le dio acceso al Portal de Asistencia sobre Armas de Fuego");
    expect(mail.text).toContain("- Punto focal\n- Evaluador");
    expect(visibleText(mail.html)).toContain("Ir a la página de acceso");
    expect(mail.text).not.toContain("Focal point");
  });

  it("escapes what a person typed in the HTML and keeps it verbatim, on one line, in subject and text", async () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>\nFake line: click http://evil.test';
    const mail = await renderMail("invitation", "en", { ...payload, inviterName: hostile, roles: ["<b>boss</b>"] });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<b>boss</b>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;");
    expect(mail.html).toContain("&lt;b&gt;boss&lt;/b&gt;");

    const oneLine = '<script>alert("x")</script> & <img src=x onerror=alert(1)> Fake line: click http://evil.test';
    // Plain text is not HTML: no entities (they would show literally), and no forged line breaks.
    expect(mail.text).toContain(`${oneLine} has given you access`);
    expect(mail.text).not.toContain("&lt;");
    expect(mail.text).not.toMatch(/^Fake line/m);
    expect(mail.subject).toBe(`${oneLine} gave you access to the Firearms Assistance Portal`);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it("refuses a payload of the wrong shape instead of sending a broken mail", async () => {
    await expect(renderStoredMail("invitation", "en", { inviterName: "Ana", roles: [] })).rejects.toThrow(
      /invalid payload for "invitation": signInUrl .*roles/,
    );
  });
});

describe("template registry", () => {
  it("knows the templates of payloads.ts and nothing else", () => {
    expect(isTemplateName("sign-in-link")).toBe(true);
    expect(isTemplateName("invitation")).toBe(true);
    expect(isTemplateName("toString")).toBe(false);
    expect(isTemplateName("password-reset")).toBe(false);
  });

  it("refuses an unknown stored template or language", async () => {
    await expect(renderStoredMail("password-reset", "en", {})).rejects.toThrow('unknown template "password-reset"');
    await expect(renderStoredMail("sign-in-link", "fr", { url: signInUrl, minutes: 15 })).rejects.toThrow(
      'unknown language "fr"',
    );
  });

  it("gives the subject alone without rendering the body", () => {
    expect(renderSubject("sign-in-link", "es", { url: signInUrl, minutes: 15 })).toBe(catalogs.es.email.signInLink.subject);
  });
});
