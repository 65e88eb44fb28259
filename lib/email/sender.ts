// Delivers what the outbox holds. Runs inside the Next.js server (lib/email/worker.ts, the only way with
// the embedded database) or as its own process against a PostgreSQL server (lib/email/sender-cli.ts).
// No "server-only" import: the standalone sender runs under tsx, outside Next.js.
//
// Guarantees:
// - A mail is claimed by one sender at a time: the claim is one UPDATE over rows picked with
//   FOR UPDATE SKIP LOCKED, so parallel senders split the due rows instead of sharing them.
// - A claim is a lease (locked_until). A sender that dies mid-send leaves its rows in "sending"; once the
//   lease expires another sender claims them again. Resend dedupes that second attempt because the
//   idempotency key is the outbox id (Resend keeps keys for 24 hours; all attempts fit in about an hour).
// - Failures are retried with exponential backoff; after MAX_ATTEMPTS the row is "failed" and kept.
//   Rows are never deleted here.
import { sql } from "drizzle-orm";
import { Resend } from "resend";
import { execRows, type Db } from "@/db/client";
import { DEFAULT_MAIL_FROM, getEnv, type EnvSource } from "@/lib/config/env";
import { renderStoredMail, type RenderedMail } from "./render";

export const MAX_ATTEMPTS = 8;
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 60 * 60_000;
export { DEFAULT_MAIL_FROM };
/** How long one send may take before the transport gives up on it. */
export const SEND_TIMEOUT_MS = 20_000;
const DEFAULT_BATCH_SIZE = 10;
const LAST_ERROR_MAX = 1_000;

/**
 * Delay before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, 4 min, ... capped at
 * one hour. Pure, so the schedule is unit-tested.
 */
export function backoffMs(attempts: number): number {
  const n = Number.isFinite(attempts) ? Math.max(1, Math.floor(attempts)) : 1;
  // 2^7 * 30 s already exceeds the cap; clamping the exponent keeps huge inputs finite.
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 20), BACKOFF_MAX_MS);
}

export interface OutgoingMail {
  /** The outbox id; the provider uses it as idempotency key. */
  id: string;
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
}

export type SendResult = { ok: true; providerMessageId?: string } | { ok: false; error: string };

export interface MailTransport {
  name: "resend" | "local";
  send(mail: OutgoingMail): Promise<SendResult>;
}

/**
 * Sends through Resend. The SDK returns `{ data, error }` instead of throwing; the outbox id goes as
 * Idempotency-Key so that a retried or re-claimed mail is delivered once. The SDK reads RESEND_BASE_URL
 * when the client is constructed, i.e. here.
 */
export function resendTransport(apiKey: string, options: { baseUrl?: string; timeoutMs?: number } = {}): MailTransport {
  const resend = new Resend(apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  return {
    name: "resend",
    async send(mail) {
      const { data, error } = await resend.emails.send(
        { from: mail.from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text },
        { idempotencyKey: mail.id, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error) {
        const status = error.statusCode ? ` ${error.statusCode}` : "";
        return { ok: false, error: `resend${status} ${error.name}: ${error.message}` };
      }
      return { ok: true, providerMessageId: data?.id };
    },
  };
}

/**
 * Delivers nothing: the rendered mail stays in its outbox row, which the demo mailbox page shows.
 * For the demo, tests and any installation without a Resend API key.
 */
export function localTransport(): MailTransport {
  return { name: "local", send: async () => ({ ok: true }) };
}

/** Resend when RESEND_API_KEY is set, otherwise the local mailbox. */
export function transportFromEnv(source?: EnvSource): MailTransport {
  const apiKey = getEnv(source).RESEND_API_KEY;
  return apiKey ? resendTransport(apiKey) : localTransport();
}

export function mailFromEnv(source?: EnvSource): string {
  return getEnv(source).MAIL_FROM;
}

export interface DrainOptions {
  db: Db;
  transport: MailTransport;
  /** Rows claimed per round; the drain repeats rounds until nothing is due. */
  batchSize?: number;
  from?: string;
  /** How long a claim holds before another sender may take the row over. */
  leaseMs?: number;
}

export interface DrainResult {
  sent: number;
  /** Gave up for good: status "failed". */
  failed: number;
  /** Failed this time, scheduled again with backoff. */
  retried: number;
}

interface ClaimedRow {
  id: string;
  template: string;
  to_email: string;
  locale: string;
  payload: unknown;
  attempts: number;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, LAST_ERROR_MAX);
}

async function claimDue(db: Db, batchSize: number, leaseMs: number): Promise<ClaimedRow[]> {
  const rows = await execRows<ClaimedRow>(
    db,
    sql`WITH due AS (
          SELECT id FROM outbox
          WHERE ((status = 'pending' AND next_attempt_at <= now())
              OR (status = 'sending' AND locked_until <= now()))
            AND attempts < ${MAX_ATTEMPTS}
          ORDER BY next_attempt_at, created_at
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED
        )
        UPDATE outbox AS o
        SET status = 'sending',
            attempts = o.attempts + 1,
            locked_until = now() + (${leaseMs}::bigint * interval '1 millisecond')
        FROM due
        WHERE o.id = due.id
        RETURNING o.id, o.template, o.to_email, o.locale, o.payload, o.attempts`,
  );
  return rows.map((row) => ({
    ...row,
    attempts: Number(row.attempts),
    payload: typeof row.payload === "string" ? (JSON.parse(row.payload) as unknown) : row.payload,
  }));
}

/**
 * A sender that died during its last allowed attempt leaves a "sending" row nobody may claim again:
 * give up on it, saying that it may or may not have been delivered.
 */
async function failAbandoned(db: Db): Promise<number> {
  const rows = await execRows<{ id: string }>(
    db,
    sql`UPDATE outbox
        SET status = 'failed', locked_until = NULL,
            last_error = left(concat_ws(E'\n', 'The sender stopped during the last attempt; the mail may or may not have been delivered.', last_error), ${LAST_ERROR_MAX})
        WHERE status = 'sending' AND locked_until <= now() AND attempts >= ${MAX_ATTEMPTS}
        RETURNING id`,
  );
  return rows.length;
}

async function markSent(db: Db, row: ClaimedRow, transport: MailTransport, mail: RenderedMail, providerMessageId?: string) {
  // Not guarded by attempts: if this sender's lease ran out and another claimed the row meanwhile, the
  // mail has still been delivered (once, thanks to the idempotency key), and "sent" is the truth.
  await execRows(
    db,
    sql`UPDATE outbox
        SET status = 'sent', sent_at = now(), locked_until = NULL, transport = ${transport.name},
            provider_message_id = ${providerMessageId ?? null},
            subject = ${mail.subject}, html = ${mail.html}, text = ${mail.text}
        WHERE id = ${row.id} AND status <> 'sent'`,
  );
}

/** Reschedules or gives up; returns what happened, or null when the row has moved on without us. */
async function markFailed(db: Db, row: ClaimedRow, error: string): Promise<"failed" | "retried" | null> {
  const giveUp = row.attempts >= MAX_ATTEMPTS;
  // Guarded by our claim (status and attempts): a late failure must not undo another sender's success.
  const updated = await execRows<{ status: string }>(
    db,
    giveUp
      ? sql`UPDATE outbox SET status = 'failed', locked_until = NULL, last_error = ${error}
            WHERE id = ${row.id} AND status = 'sending' AND attempts = ${row.attempts}
            RETURNING status`
      : sql`UPDATE outbox
            SET status = 'pending', locked_until = NULL, last_error = ${error},
                next_attempt_at = now() + (${backoffMs(row.attempts)}::bigint * interval '1 millisecond')
            WHERE id = ${row.id} AND status = 'sending' AND attempts = ${row.attempts}
            RETURNING status`,
  );
  if (updated.length === 0) return null;
  return giveUp ? "failed" : "retried";
}

/**
 * Sends every due mail (pending and due, or claimed by a sender whose lease expired), in rounds of
 * `batchSize`, until none is left. Safe to run in several processes at once. Called by the mail worker
 * and the standalone sender only.
 */
export async function drainOutbox(options: DrainOptions): Promise<DrainResult> {
  const { db, transport } = options;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const from = options.from ?? mailFromEnv();
  // Mails of a round are sent one after the other, so the lease must outlast a whole round of timeouts.
  const leaseMs = options.leaseMs ?? batchSize * SEND_TIMEOUT_MS + 60_000;
  const result: DrainResult = { sent: 0, failed: 0, retried: 0 };

  result.failed += await failAbandoned(db);
  for (;;) {
    const claimed = await claimDue(db, batchSize, leaseMs);
    if (claimed.length === 0) break;
    for (const row of claimed) {
      let outcome: SendResult;
      let rendered: RenderedMail | undefined;
      try {
        rendered = await renderStoredMail(row.template, row.locale, row.payload);
        outcome = await transport.send({ id: row.id, to: row.to_email, from, ...rendered });
      } catch (error) {
        outcome = { ok: false, error: errorText(error) };
      }
      if (outcome.ok && rendered) {
        await markSent(db, row, transport, rendered, outcome.providerMessageId);
        result.sent += 1;
      } else {
        const message = outcome.ok ? "nothing was rendered" : outcome.error.slice(0, LAST_ERROR_MAX);
        const what = await markFailed(db, row, message);
        if (what) result[what] += 1;
      }
    }
  }
  return result;
}
