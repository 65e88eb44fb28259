import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { enqueueMail } from "./outbox";
import { extractLinks, getMailboxMail, isMailboxEnabled, listMailbox } from "./queries";
import { drainOutbox, localTransport } from "./sender";

const signInUrl = "http://localhost:3000/sign-in/confirm?token=abc&email=ana%40example.org";

describe("isMailboxEnabled", () => {
  it("is on only in demo mode without a Resend key", () => {
    expect(isMailboxEnabled({ DEMO_MODE: "1" })).toBe(true);
    expect(isMailboxEnabled({ DEMO_MODE: "1", RESEND_API_KEY: "re_live_123" })).toBe(false);
    expect(isMailboxEnabled({})).toBe(false);
    expect(isMailboxEnabled({ DEMO_MODE: "true" })).toBe(false);
    expect(isMailboxEnabled({ NODE_ENV: "production" })).toBe(false);
  });
});

describe("extractLinks", () => {
  it("returns each http(s) link once, in order, with HTML entities decoded", () => {
    const html =
      '<a href="https://a.example/x?y=1&amp;z=2">A</a><a href="mailto:x@y.org">m</a>' +
      "<a class='b' href='http://b.example/'>B</a><a href=\"javascript:alert(1)\">j</a>" +
      '<a href="https://a.example/x?y=1&amp;z=2">again</a><link href="https://c.example/style.css">';
    expect(extractLinks(html)).toEqual(["https://a.example/x?y=1&z=2", "http://b.example/"]);
  });
});

describe("mailbox queries", () => {
  let db: TestDb;
  const saved = { demo: process.env.DEMO_MODE, key: process.env.RESEND_API_KEY };

  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db?.drop();
  });
  beforeEach(async () => {
    process.env.DEMO_MODE = "1";
    delete process.env.RESEND_API_KEY;
    await db.db.execute(sql`DELETE FROM outbox`);
  });
  afterEach(() => {
    for (const [name, value] of [["DEMO_MODE", saved.demo], ["RESEND_API_KEY", saved.key]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  async function setUp() {
    const delivered = await enqueueMail(db.db, {
      template: "sign-in-link",
      to: "ana@example.org",
      locale: "en",
      payload: { url: signInUrl, minutes: 15 },
    });
    await drainOutbox({ db: db.db, transport: localTransport() });
    // Sent through Resend before the key was removed: not the mailbox's to show.
    const [{ id: viaResend }] = await db.db
      .insert(outbox)
      .values({
        template: "sign-in-link",
        toEmail: "bob@example.org",
        locale: "en",
        payload: { url: signInUrl, minutes: 15 },
        status: "sent",
        transport: "resend",
        subject: "Private",
        html: "<p>private</p>",
        sentAt: new Date(),
        createdAt: new Date(Date.now() + 1_000),
      })
      .returning({ id: outbox.id });
    const queued = await enqueueMail(db.db, {
      template: "invitation",
      to: "maria@example.org",
      locale: "es",
      payload: { inviterName: "Ana", signInUrl: "http://localhost:3000/sign-in", roles: ["donor"] },
    });
    // Newest first needs distinct creation times.
    await db.db.update(outbox).set({ createdAt: new Date(Date.now() + 2_000) }).where(eq(outbox.id, queued));
    return { delivered, viaResend, queued };
  }

  it("lists locally delivered and queued mails, newest first, in the recipient's language", async () => {
    const { delivered, queued } = await setUp();
    const mails = await listMailbox();
    expect(mails.map((m) => [m.id, m.to, m.status])).toEqual([
      [queued, "maria@example.org", "queued"],
      [delivered, "ana@example.org", "sent"],
    ]);
    // A queued mail has no stored subject yet; it is worked out from its payload.
    expect(mails[0].subject).toBe("Ana le dio acceso al Portal de Asistencia sobre Armas de Fuego");
    expect(mails[1].subject).toBe("Your sign-in link for the Firearms Assistance Portal");
    expect(mails[1].sentAt).toBeInstanceOf(Date);
  });

  it("shows a delivered mail with its links, ready to click", async () => {
    const { delivered } = await setUp();
    const mail = await getMailboxMail(delivered);
    expect(mail.subject).toBe("Your sign-in link for the Firearms Assistance Portal");
    expect(mail.links).toEqual([signInUrl]);
    expect(mail.html).toContain("<!DOCTYPE html>");
    expect(mail.text).toContain(signInUrl);
  });

  it("shows a queued mail without content", async () => {
    const { queued } = await setUp();
    const mail = await getMailboxMail(queued);
    expect(mail.status).toBe("queued");
    expect(mail.html).toBeNull();
    expect(mail.links).toEqual([]);
  });

  it("does not show mail sent through Resend, unknown ids or malformed ids", async () => {
    const { viaResend } = await setUp();
    await expect(getMailboxMail(viaResend)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMailboxMail("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMailboxMail("' OR 1=1 --")).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMailbox()).map((m) => m.id)).not.toContain(viaResend);
  });

  it("shows nothing outside demo mode or once a Resend key is set", async () => {
    const { delivered } = await setUp();
    delete process.env.DEMO_MODE;
    await expect(listMailbox()).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMailboxMail(delivered)).rejects.toBeInstanceOf(NotFoundError);
    process.env.DEMO_MODE = "1";
    process.env.RESEND_API_KEY = "re_live_123";
    await expect(listMailbox()).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMailboxMail(delivered)).rejects.toBeInstanceOf(NotFoundError);
  });
});
