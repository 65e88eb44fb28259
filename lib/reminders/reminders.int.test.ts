import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, like } from "drizzle-orm";
import { awardDeliverables, awards, outbox, progressReports, remindersSent, reportingPeriods } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { renderStoredMail } from "@/lib/email/render";
import { createTestDb, type TestDb } from "@/test/db";
import { insertAward, loadUsers, type DeliveryUserKey, type TestAward } from "@/test/delivery-fixtures";
import { runReminders } from "./run";
import { reminderKindFor } from "./schedule";

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
let award: TestAward; // Guatemala, OAS: focal.gt (es), partner.oas (es)
let periodIds: string[] = [];

const BASE = "http://portal.test";

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
  // The seed's active awards have due dates of their own: close them, so only this file's awards count.
  await db.db.update(awards).set({ status: "completed" }).where(eq(awards.status, "active"));
  // Dates far from the seed's (which sit around the real today), so only these awards are due.
  award = await insertAward(db, u.officer.id, {
    startsOn: "2030-01-01",
    endsOn: "2031-12-31",
    deliverables: [
      { title: "Inception plan", dueOn: "2030-03-15" }, // 14 days before on 2030-03-01
      { title: "Machines installed", dueOn: "2030-03-03" }, // 2 days left on 2030-03-01
      { title: "Already accepted", dueOn: "2030-02-01", status: "accepted" },
      { title: "Awaiting the office", dueOn: "2030-02-01", status: "submitted" },
      { title: "Training report", dueOn: "2030-02-20" }, // overdue on 2030-03-01
      { title: "Far away", dueOn: "2030-12-01" },
    ],
  });
  // Jamaica, UNLIREC: focal.jm (en); UNLIREC has no users in the seed.
  await insertAward(db, u.officer.id, {
    country: "JM",
    program: "cbsi",
    partner: "unlirec",
    startsOn: "2030-01-01",
    endsOn: "2031-12-31",
    deliverables: [{ title: "Registry software delivered", dueOn: "2030-02-25" }],
  });
  const periods = await db.db
    .insert(reportingPeriods)
    .values([
      { awardId: award.id, number: 1, startsOn: "2030-01-01", endsOn: "2030-01-31", dueOn: "2030-02-28" }, // overdue on 03-01, no report
      { awardId: award.id, number: 2, startsOn: "2030-02-01", endsOn: "2030-02-28", dueOn: "2030-03-04" }, // 3 days, draft report
      { awardId: award.id, number: 3, startsOn: "2030-03-01", endsOn: "2030-03-31", dueOn: "2030-02-27" }, // accepted report
    ])
    .returning({ id: reportingPeriods.id, number: reportingPeriods.number });
  periodIds = periods.sort((a, b) => a.number - b.number).map((p) => p.id);
  await db.db.insert(progressReports).values([
    { awardId: award.id, periodId: periodIds[1], status: "draft", createdById: u.partner.id },
    { awardId: award.id, periodId: periodIds[2], status: "accepted", createdById: u.partner.id },
  ]);
});
afterAll(async () => {
  await db.drop();
});

const reminderMails = () => db.db.select().from(outbox).where(like(outbox.template, "reminder-%"));
const sentRows = () => db.db.select().from(remindersSent);

describe("reminder windows", () => {
  it("are 14 to 4 days before, 3 days before to the due date, and after it", () => {
    expect(reminderKindFor("2030-03-15", "2030-02-28")).toBeNull();
    expect(reminderKindFor("2030-03-15", "2030-03-01")).toBe("14_days");
    expect(reminderKindFor("2030-03-15", "2030-03-11")).toBe("14_days");
    expect(reminderKindFor("2030-03-15", "2030-03-12")).toBe("3_days");
    expect(reminderKindFor("2030-03-15", "2030-03-15")).toBe("3_days");
    expect(reminderKindFor("2030-03-15", "2030-03-16")).toBe("overdue");
  });
});

describe("running the reminders", () => {
  it("sends each due reminder to the award's people in their language, once however often it runs", async () => {
    const first = await runReminders({ db: db.db, today: "2030-03-01", baseUrl: BASE });
    const rows = await sentRows();
    const byKey = rows.map((r) => `${r.subjectType}:${r.kind}:${r.dueOn}`).sort();
    expect(byKey).toEqual(
      [
        "deliverable:14_days:2030-03-15",
        "deliverable:3_days:2030-03-03",
        "deliverable:overdue:2030-02-20",
        "deliverable:overdue:2030-02-25", // Jamaica's
        "report:overdue:2030-02-28",
        "report:3_days:2030-03-04",
      ].sort(),
    );
    expect(first.reminders).toBe(6);
    // Guatemala's five go to focal.gt and partner.oas; Jamaica's one to focal.jm (UNLIREC has no users).
    const mails = await reminderMails();
    expect(first.mails).toBe(mails.length);
    expect(mails.length).toBe(5 * 2 + 1);
    const jm = mails.filter((m) => m.toEmail === "focal.jm@example.org");
    expect(jm).toHaveLength(1);
    expect(jm[0].locale).toBe("en");
    expect(mails.filter((m) => m.toEmail === "focal.gt@example.org").every((m) => m.locale === "es")).toBe(true);

    // Rendered in the recipient's language.
    const en = await renderStoredMail(jm[0].template, jm[0].locale, jm[0].payload);
    expect(en.subject).toMatch(/overdue/);
    expect(en.text).toContain("Registry software delivered");
    const overdueReport = mails.find((m) => m.toEmail === "focal.gt@example.org" && m.template === "reminder-report" && (m.payload as { kind: string }).kind === "overdue")!;
    const es = await renderStoredMail(overdueReport.template, overdueReport.locale, overdueReport.payload);
    expect(es.subject).toBe(`El informe de avance 1 de la subvención ${award.reference} está vencido`);
    expect(es.text).toContain(`${BASE}/awards/${award.id}`);

    const second = await runReminders({ db: db.db, today: "2030-03-01", baseUrl: BASE });
    expect(second).toEqual({ reminders: 0, mails: 0, skipped: 6 });
    expect(await reminderMails()).toHaveLength(mails.length);
  });

  it("sends the next window's reminder later, and nothing for accepted or submitted work", async () => {
    const before = (await reminderMails()).length;
    const result = await runReminders({ db: db.db, today: "2030-03-12", baseUrl: BASE });
    // New: "Inception plan" 3 days; "Machines installed" overdue; period 2 overdue. Nothing else.
    expect(result.reminders).toBe(3);
    expect((await reminderMails()).length - before).toBe(6);
    const accepted = await db.db
      .select()
      .from(remindersSent)
      .innerJoin(awardDeliverables, eq(awardDeliverables.id, remindersSent.subjectId))
      .where(inArray(awardDeliverables.status, ["accepted", "submitted"]));
    expect(accepted).toEqual([]);
    const period3 = await db.db.select().from(remindersSent).where(eq(remindersSent.subjectId, periodIds[2]));
    expect(period3).toEqual([]);
  });

  it("sends each reminder once when two runs go at the same time", async () => {
    const late = await insertAward(db, u.officer.id, {
      startsOn: "2030-01-01",
      endsOn: "2031-12-31",
      deliverables: [
        { title: "Parallel one", dueOn: "2030-04-01" },
        { title: "Parallel two", dueOn: "2030-04-02" },
      ],
    });
    const before = (await reminderMails()).length;
    const sentBefore = (await sentRows()).length;
    const results = await Promise.all([
      runReminders({ db: db.db, today: "2030-04-10", baseUrl: BASE }),
      runReminders({ db: db.db, today: "2030-04-10", baseUrl: BASE }),
    ]);
    const rows = await db.db
      .select()
      .from(remindersSent)
      .where(and(inArray(remindersSent.subjectId, late.deliverables), eq(remindersSent.kind, "overdue")));
    expect(rows).toHaveLength(2);
    const mails = await db.db.select().from(outbox).where(eq(outbox.template, "reminder-deliverable"));
    const forLate = mails.filter((m) => (m.payload as { reference: string }).reference === late.reference);
    expect(forLate).toHaveLength(4); // two deliverables x (focal.gt, partner.oas)
    // Between them the two runs claimed each new reminder once ("Inception plan" also turned overdue).
    expect(results[0].reminders + results[1].reminders).toBe((await sentRows()).length - sentBefore);
    expect((await sentRows()).length - sentBefore).toBe(3);
    const total = results[0].mails + results[1].mails;
    expect((await reminderMails()).length - before).toBe(total);
  });
});
