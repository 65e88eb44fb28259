// Building blocks shared by every mail template. Mail clients ignore stylesheets and most modern CSS,
// so the markup is table-based with inline styles only, and every mail has a plain-text twin.
import type { CSSProperties, ReactElement, ReactNode } from "react";
import type { z } from "zod";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

export interface MailContext {
  locale: Locale;
  t: Translate;
}

/**
 * One mail template: how to check its stored payload, and how to write its subject, HTML and text.
 * The registry in lib/email/render.ts maps every name in payloads.ts to one of these, so a template the
 * compiler does not know about cannot be queued, and one that is queued cannot lack a renderer.
 */
export interface MailTemplate<P> {
  /** Checks the payload read back from the outbox (it was written by an older or newer release, maybe). */
  schema: z.ZodType<P>;
  subject: (ctx: MailContext, payload: P) => string;
  Html: (props: MailContext & { payload: P }) => ReactElement;
  text: (ctx: MailContext, payload: P) => string;
}

const FONT = "Inter, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const COLORS = { bg: "#f6f7f9", surface: "#ffffff", text: "#1a1f29", muted: "#4b5565", border: "#d0d5dd", primary: "#1d4e89" };

/**
 * A value a person typed (a name, say) on one line: no control characters or line breaks, which could
 * forge extra lines in the text version or in the subject header.
 */
export function singleLine(value: string, max = 200): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim().slice(0, max);
}

/** Only absolute http(s) links go into a mail; anything else (javascript:, data:) is refused. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

export function MailLayout({ locale, t, title, preview, children }: MailContext & { title: string; preview: string; children: ReactNode }) {
  return (
    <html lang={locale} dir="ltr">
      {/* eslint-disable-next-line @next/next/no-head-element -- a mail document, not a Next.js page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{title}</title>
      </head>
      <body style={{ margin: 0, padding: 0, backgroundColor: COLORS.bg, color: COLORS.text, fontFamily: FONT }}>
        {/* The preview line inbox lists show next to the subject; hidden in the message itself. */}
        <div style={{ display: "none", overflow: "hidden", lineHeight: "1px", maxHeight: 0, maxWidth: 0, opacity: 0 }}>
          {preview}
        </div>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0} style={{ backgroundColor: COLORS.bg }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table
                  role="presentation"
                  width="100%"
                  cellPadding={0}
                  cellSpacing={0}
                  border={0}
                  style={{ maxWidth: 560, backgroundColor: COLORS.surface, border: `1px solid ${COLORS.border}`, borderRadius: 6 }}
                >
                  <tbody>
                    <tr>
                      <td style={{ backgroundColor: COLORS.primary, color: "#ffffff", padding: "16px 24px", fontSize: 16, fontWeight: 700 }}>
                        {t("email.layout.brand")}
                      </td>
                    </tr>
                    <tr>
                      <td style={{ padding: "24px", fontSize: 16, lineHeight: "24px" }}>{children}</td>
                    </tr>
                    <tr>
                      <td
                        style={{
                          padding: "16px 24px",
                          borderTop: `1px solid ${COLORS.border}`,
                          color: COLORS.muted,
                          fontSize: 13,
                          lineHeight: "20px",
                        }}
                      >
                        {t("email.layout.footer")}
                        <br />
                        {t("email.layout.automated")}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

export function Paragraph({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  const style: CSSProperties = { margin: "0 0 16px", ...(muted ? { color: COLORS.muted, fontSize: 14, lineHeight: "20px" } : {}) };
  return <p style={style}>{children}</p>;
}

/** A link styled as a button; mail clients without CSS still show a plain link. */
export function MailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <table role="presentation" cellPadding={0} cellSpacing={0} border={0} style={{ margin: "8px 0 24px" }}>
      <tbody>
        <tr>
          <td style={{ backgroundColor: COLORS.primary, borderRadius: 6 }}>
            <a
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              style={{ display: "inline-block", padding: "12px 24px", color: "#ffffff", fontWeight: 600, textDecoration: "none" }}
            >
              {children}
            </a>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** The link written out, for clients that show no button and for people who copy it. */
export function PlainLink({ href }: { href: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" style={{ color: COLORS.primary, wordBreak: "break-all" }}>
      {href}
    </a>
  );
}

/** The plain-text twin of the layout: paragraphs separated by blank lines, then the footer. */
export function textLayout({ t }: MailContext, paragraphs: string[]): string {
  const footer = [t("email.layout.footer"), t("email.layout.automated")].join("\n");
  return `${[...paragraphs, `--\n${footer}`].join("\n\n")}\n`;
}
