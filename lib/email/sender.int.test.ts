// The sender against a real database (PostgreSQL with DATABASE_URL, else PGlite) and the real `resend`
// SDK talking to a local fake of the Resend API.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { startFakeResend, type FakeResend } from "@/e2e/support/fake-resend";
import { createTestDb, type TestDb } from "@/test/db";
import { enqueueMail } from "./outbox";
import { renderMail } from "./render";
import {
  backoffMs,
  drainOutbox,
  localTransport,
  MAX_ATTEMPTS,
  resendTransport,
  type MailTransport,
  type OutgoingMail,
} from "./sender";
import { startMailWorker } from "./worker";

const FROM = "Portal Test <portal@test.example>";
const signInPayload = { url: "http://localhost:3000/sign-in/confirm?token=t0k3n&email=ana%40example.org", minutes: 15 };

let db: TestDb;
let fake: FakeResend;
let resend: MailTransport;

beforeAll(async () => {
  db = await createTestDb();
  fake = await startFakeResend();
  // The SDK reads RESEND_BASE_URL when a client is constructed, so it must be set before.
  process.env.RESEND_BASE_URL = fake.url;
  resend = resendTransport("re_test_key");
});

afterAll(async () => {
  delete process.env.RESEND_BASE_URL;
  await fake?.close();
  await db?.drop();
});

beforeEach(async () => {
  fake.reset();
  await db.db.execute(sql`DELETE FROM outbox`);
});

async function row(id: string) {
  const [found] = await db.db.select().from(outbox).where(eq(outbox.id, id));
  return found;
}

async function enqueueSignIn(to = "ana@example.org", locale: "en" | "es" = "en"): Promise<string> {
  return db.db.transaction((tx) => enqueueMail(tx, { template: "sign-in-link", to, locale, payload: signInPayload }));
}

/** Makes a rescheduled mail due now, as if its backoff had passed. */
async function makeDue(id: string): Promise<void> {
  await db.db.execute(sql`UPDATE outbox SET next_attempt_at = now() - interval '1 second' WHERE id = ${id}`);
}

const drain = (transport: MailTransport = resend, batchSize?: number) => drainOutbox({ db: db.db, transport, from: FROM, batchSize });

describe("drainOutbox with Resend", () => {
  it("writes a mail only if the transaction of its event commits", async () => {
    await expect(
      db.db.transaction(async (tx) => {
        await enqueueMail(tx, { template: "sign-in-link", to: "ana@example.org", locale: "en", payload: signInPayload });
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await drain()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await db.db.select().from(outbox)).toHaveLength(0);
    expect(fake.requests()).toHaveLength(0);
  });

  it("(a) sends a queued mail through the SDK with the outbox id as idempotency key, in the recipient's language", async () => {
    const id = await enqueueSignIn("Ana@Example.org", "es");
    expect(await drain()).toEqual({ sent: 1, failed: 0, retried: 0 });

    const [email] = fake.emails();
    expect(fake.emails()).toHaveLength(1);
    expect(email.idempotencyKey).toBe(id);
    expect(email.headers["idempotency-key"]).toBe(id);
    expect(email.headers.authorization).toBe("Bearer re_test_key");
    expect(email.to).toEqual(["ana@example.org"]);
    expect(email.from).toBe(FROM);
    expect(email.subject).toBe("Su enlace de acceso al Portal de Asistencia sobre Armas de Fuego");
    expect(email.text).toContain(signInPayload.url);
    expect(email.html).toContain(signInPayload.url.replace(/&/g, "&amp;"));

    const sent = await row(id);
    expect(sent.status).toBe("sent");
    expect(sent.transport).toBe("resend");
    expect(sent.providerMessageId).toBe(email.id);
    expect(sent.attempts).toBe(1);
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.lockedUntil).toBeNull();
    expect(sent.subject).toBe(email.subject);
    expect(sent.text).toBe(email.text);

    // Nothing is left to send: a second drain sends nothing more.
    expect(await drain()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(fake.requests()).toHaveLength(1);
  });

  it("(b) keeps a mail Resend refused with a 500 and sends it exactly once when its retry is due", async () => {
    const id = await enqueueSignIn();
    fake.failNext(1, 500);
    const before = Date.now();
    expect(await drain()).toEqual({ sent: 0, failed: 0, retried: 1 });

    const pending = await row(id);
    expect(pending.status).toBe("pending");
    expect(pending.attempts).toBe(1);
    expect(pending.lockedUntil).toBeNull();
    expect(pending.lastError).toMatch(/500/);
    expect(pending.lastError).toMatch(/internal_server_error/);
    // Scheduled about backoffMs(1) = 30 s later (allowing for clock skew between test and database).
    expect(pending.nextAttemptAt.getTime()).toBeGreaterThan(before + backoffMs(1) - 5_000);
    expect(pending.nextAttemptAt.getTime()).toBeLessThan(Date.now() + backoffMs(1) + 5_000);
    expect(fake.emails()).toHaveLength(0);

    // Not due yet: the sender leaves it alone.
    expect(await drain()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(fake.requests()).toHaveLength(1);

    await makeDue(id);
    expect(await drain()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await drain()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(fake.emails().map((e) => e.idempotencyKey)).toEqual([id]);
    const sent = await row(id);
    expect(sent.status).toBe("sent");
    expect(sent.attempts).toBe(2);
    expect(sent.providerMessageId).toBe(fake.emails()[0].id);
  });

  it("(c) gives up after MAX_ATTEMPTS failures, with growing delays, and keeps the mail as failed", async () => {
    const id = await enqueueSignIn();
    fake.failNext(1_000, 503);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      const before = Date.now();
      expect(await drain()).toEqual({ sent: 0, failed: 0, retried: 1 });
      const pending = await row(id);
      expect(pending.status).toBe("pending");
      expect(pending.attempts).toBe(attempt);
      const delay = pending.nextAttemptAt.getTime() - before;
      expect(delay).toBeGreaterThan(backoffMs(attempt) - 5_000);
      expect(delay).toBeLessThan(backoffMs(attempt) + 5_000);
      await makeDue(id);
    }
    expect(await drain()).toEqual({ sent: 0, failed: 1, retried: 0 });

    const failed = await row(id);
    expect(failed.status).toBe("failed");
    expect(failed.attempts).toBe(MAX_ATTEMPTS);
    expect(failed.lastError).toMatch(/503/);
    expect(failed.lockedUntil).toBeNull();
    expect(fake.requests()).toHaveLength(MAX_ATTEMPTS);

    // A failed mail is never tried again, even once its time has passed.
    await makeDue(id);
    expect(await drain()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(fake.requests()).toHaveLength(MAX_ATTEMPTS);
    expect(await row(id)).toBeDefined();
  });

  it("(d) two senders draining in parallel send each of 20 mails exactly once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) ids.push(await enqueueSignIn(`user${i}@example.org`, i % 2 ? "es" : "en"));
    // A little latency per send keeps both senders busy at the same time.
    const slow: MailTransport = {
      name: "resend",
      send: async (mail) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return resend.send(mail);
      },
    };

    // On PostgreSQL, hold each claim open for a moment, so that the two senders' claims overlap for sure
    // (a claim that did not lock its rows would then pick the same rows as the other). PGlite has one
    // connection: there the claims run one after the other anyway.
    const widenRace = db.kind === "postgres";
    if (widenRace) {
      await db.db.execute(sql`CREATE FUNCTION test_slow_claim() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_sleep(0.02); RETURN NEW; END $$`);
      await db.db.execute(sql`CREATE TRIGGER test_slow_claim BEFORE UPDATE ON outbox FOR EACH ROW
        WHEN (NEW.status = 'sending' AND OLD.status = 'pending') EXECUTE FUNCTION test_slow_claim()`);
    }
    let results;
    try {
      results = await Promise.all([drain(slow, 3), drain(slow, 3)]);
    } finally {
      if (widenRace) {
        await db.db.execute(sql`DROP TRIGGER test_slow_claim ON outbox`);
        await db.db.execute(sql`DROP FUNCTION test_slow_claim()`);
      }
    }
    expect(results[0].sent + results[1].sent).toBe(20);
    // Both took part: the second sender's first claim skipped the rows the first had locked.
    expect(results[0].sent).toBeGreaterThan(0);
    expect(results[1].sent).toBeGreaterThan(0);

    const keys = fake.emails().map((e) => e.idempotencyKey);
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(20);
    expect([...keys].sort()).toEqual([...ids].sort());
    // Not even a deduplicated second request: no mail was claimed twice.
    expect(fake.requests()).toHaveLength(20);
    const rows = await db.db.select().from(outbox);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("(e) takes over a mail whose sender crashed mid-send, once its lease expired, without a second delivery", async () => {
    const id = await enqueueSignIn("carlos@example.org", "es");
    // A sender claimed the mail, Resend accepted it, then the sender died before recording "sent".
    const rendered = await renderMail("sign-in-link", "es", signInPayload);
    const first = await resend.send({ id, to: "carlos@example.org", from: FROM, ...rendered } satisfies OutgoingMail);
    expect(first.ok).toBe(true);
    await db.db.execute(
      sql`UPDATE outbox SET status = 'sending', attempts = 1, locked_until = now() + interval '5 minutes' WHERE id = ${id}`,
    );

    // While the lease holds, that sender may still be working: leave the mail alone.
    expect(await drain()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(fake.requests()).toHaveLength(1);

    await db.db.execute(sql`UPDATE outbox SET locked_until = now() - interval '1 second' WHERE id = ${id}`);
    expect(await drain()).toEqual({ sent: 1, failed: 0, retried: 0 });

    // Resend saw the same idempotency key again and answered with the first mail instead of sending.
    expect(fake.requests()).toHaveLength(2);
    expect(fake.requests()[1]).toMatchObject({ idempotencyKey: id, replayed: true, status: 200 });
    expect(fake.emails()).toHaveLength(1);
    const sent = await row(id);
    expect(sent.status).toBe("sent");
    expect(sent.attempts).toBe(2);
    expect(sent.providerMessageId).toBe(fake.emails()[0].id);
  });

  it("gives up on a mail whose sender crashed during the last allowed attempt", async () => {
    const id = await enqueueSignIn();
    await db.db.execute(
      sql`UPDATE outbox SET status = 'sending', attempts = ${MAX_ATTEMPTS}, locked_until = now() - interval '1 second' WHERE id = ${id}`,
    );
    expect(await drain()).toEqual({ sent: 0, failed: 1, retried: 0 });
    const failed = await row(id);
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toMatch(/may or may not have been delivered/);
    expect(fake.requests()).toHaveLength(0);
  });

  it("retries a stored mail that cannot be rendered, without sending anything", async () => {
    const [{ id }] = await db.db
      .insert(outbox)
      .values({ template: "invitation", toEmail: "ana@example.org", locale: "en", payload: { inviterName: "Ana" } })
      .returning({ id: outbox.id });
    expect(await drain()).toEqual({ sent: 0, failed: 0, retried: 1 });
    const pending = await row(id);
    expect(pending.status).toBe("pending");
    expect(pending.lastError).toMatch(/invalid payload for "invitation"/);
    expect(fake.requests()).toHaveLength(0);
  });

  it("treats a transport that throws as a failed attempt", async () => {
    const id = await enqueueSignIn();
    const broken: MailTransport = {
      name: "resend",
      send: async () => {
        throw new Error("socket hang up");
      },
    };
    expect(await drain(broken)).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect((await row(id)).lastError).toMatch(/socket hang up/);
  });
});

describe("drainOutbox with the local transport", () => {
  it("(f) keeps the rendered mail in the outbox row and marks it sent", async () => {
    const id = await db.db.transaction((tx) =>
      enqueueMail(tx, {
        template: "invitation",
        to: "maria@example.org",
        locale: "es",
        payload: { inviterName: "Ana <Admin>", signInUrl: "http://localhost:3000/sign-in", roles: ["donor"] },
      }),
    );
    expect(await drain(localTransport())).toEqual({ sent: 1, failed: 0, retried: 0 });

    const sent = await row(id);
    expect(sent.status).toBe("sent");
    expect(sent.transport).toBe("local");
    expect(sent.providerMessageId).toBeNull();
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.subject).toBe("Ana <Admin> le dio acceso al Portal de Asistencia sobre Armas de Fuego");
    expect(sent.html).toContain("Ana &lt;Admin&gt;");
    expect(sent.html).toContain('href="http://localhost:3000/sign-in"');
    expect(sent.text).toContain("- Donante");
    expect(fake.requests()).toHaveLength(0);
  });
});

describe("startMailWorker", () => {
  it("sends queued mail on its own, one round at a time, and runs once per process", async () => {
    const ids = [await enqueueSignIn("a@example.org"), await enqueueSignIn("b@example.org"), await enqueueSignIn("c@example.org")];
    let inFlight = 0;
    let maxInFlight = 0;
    const local = localTransport();
    const slow: MailTransport = {
      name: "local",
      send: async (mail) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 60));
        inFlight -= 1;
        return local.send(mail);
      },
    };
    const quiet = { info: () => {}, error: () => {} };
    // Polls far more often than a round takes: rounds must still not overlap.
    const worker = startMailWorker({ intervalMs: 5, transport: slow, getDb: async () => db.db, logger: quiet });
    try {
      expect(startMailWorker({ intervalMs: 5, transport: localTransport(), logger: quiet })).toBe(worker);
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const rows = await db.db.select().from(outbox);
        if (rows.every((r) => r.status === "sent")) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await worker.stop();
    }
    for (const id of ids) expect((await row(id)).status).toBe("sent");
    expect(maxInFlight).toBe(1);
    // Stopped: a new call starts a fresh worker.
    const again = startMailWorker({ intervalMs: 1_000, transport: localTransport(), getDb: async () => db.db, logger: quiet });
    expect(again).not.toBe(worker);
    await again.stop();
  });
});
