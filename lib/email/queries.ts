import "server-only";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { isLocale } from "@/lib/i18n/config";
import { NotFoundError } from "@/lib/errors";
import { getEnv, type EnvSource } from "@/lib/config/env";
import { isTemplateName, renderSubject } from "./render";
import type { TemplatePayloads } from "./templates/payloads";
import { UUID_PATTERN } from "@/lib/ids";

/**
 * The demo mailbox exists only in demo mode and only while no real mail is sent: a production deployment
 * (no DEMO_MODE) never shows anyone's mail, and with a Resend key the mail has left the portal anyway.
 */
export function isMailboxEnabled(source?: EnvSource): boolean {
  const env = getEnv(source);
  return env.DEMO_MODE && !env.RESEND_API_KEY;
}

export type MailboxStatus = "queued" | "sent" | "failed";

export interface MailboxEntry {
  id: string;
  to: string;
  /** Null while the mail waits to be rendered and its payload does not render a subject either. */
  subject: string | null;
  status: MailboxStatus;
  createdAt: Date;
  sentAt: Date | null;
}

export interface MailboxMail extends MailboxEntry {
  html: string | null;
  text: string | null;
  /** The http(s) links of the mail, in order and without repeats. */
  links: string[];
}


// What the mailbox shows: mails the local transport delivered, and mails not delivered yet. Mails sent
// through Resend earlier (before the key was removed) are not the mailbox's to show.
const visible = or(
  and(eq(outbox.status, "sent"), eq(outbox.transport, "local")),
  inArray(outbox.status, ["pending", "sending", "failed"]),
);

const columns = {
  id: outbox.id,
  template: outbox.template,
  locale: outbox.locale,
  payload: outbox.payload,
  toEmail: outbox.toEmail,
  subject: outbox.subject,
  status: outbox.status,
  transport: outbox.transport,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

interface Row {
  id: string;
  template: string;
  locale: string;
  payload: unknown;
  toEmail: string;
  subject: string | null;
  status: (typeof outbox.status.enumValues)[number];
  transport: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

function statusOf(row: Pick<Row, "status" | "transport">): MailboxStatus {
  if (row.status === "sent") return "sent";
  if (row.status === "failed") return "failed";
  return "queued";
}

function subjectOf(row: Row): string | null {
  if (row.subject) return row.subject;
  // Not rendered yet: work the subject out from the payload, as the sender will.
  if (!isTemplateName(row.template) || !isLocale(row.locale)) return null;
  try {
    return renderSubject(row.template, row.locale, row.payload as TemplatePayloads[typeof row.template]);
  } catch {
    return null;
  }
}

function toEntry(row: Row): MailboxEntry {
  return {
    id: row.id,
    to: row.toEmail,
    subject: subjectOf(row),
    status: statusOf(row),
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: "\u00a0" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

/** The distinct http(s) links (href attributes) of an HTML mail, in document order. */
export function extractLinks(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const href = decodeEntities(match[1] ?? match[2] ?? "").trim();
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      continue;
    }
    if ((url.protocol === "http:" || url.protocol === "https:") && !links.includes(href)) links.push(href);
  }
  return links;
}

/** The newest mails of the demo mailbox. Anyone, but only while isMailboxEnabled(). */
export async function listMailbox({ limit = 50 }: { limit?: number } = {}): Promise<MailboxEntry[]> {
  if (!isMailboxEnabled()) throw new NotFoundError("mailbox");
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(outbox)
    .where(visible)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(Math.min(Math.max(1, Math.floor(limit)), 500));
  return rows.map(toEntry);
}

/** One mail of the demo mailbox; throws NotFoundError otherwise. Anyone, but only while isMailboxEnabled(). */
export async function getMailboxMail(id: string): Promise<MailboxMail> {
  if (!isMailboxEnabled() || !UUID_PATTERN.test(id)) throw new NotFoundError("mail");
  const db = await getDb();
  const [row] = await db
    .select({ ...columns, html: outbox.html, text: outbox.text })
    .from(outbox)
    .where(and(eq(outbox.id, id), visible));
  if (!row) throw new NotFoundError("mail");
  const entry = toEntry(row);
  // A mail that was never delivered is shown by its subject and status only.
  const html = entry.status === "sent" ? row.html : null;
  const text = entry.status === "sent" ? row.text : null;
  return { ...entry, html, text, links: html ? extractLinks(html) : [] };
}
