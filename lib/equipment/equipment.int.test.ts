import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { equipmentChecks, equipmentItems } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { ctx, deliveryCounts, errorKeys, insertAward, loadUsers, rejectionOf, type DeliveryUserKey, type TestAward } from "@/test/delivery-fixtures";
import { addEquipmentCheck, addEquipmentItem, updateEquipmentCondition } from "./mutations";
import { listEquipment } from "./queries";
import { addEquipmentItemSchema, looksLikeSerialNumbers } from "./schema";

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
let gtAward: TestAward;
let jmAward: TestAward;

const item = {
  kind: "Dot-peen marking machine",
  model: "TM-5000",
  quantity: "2",
  handoverOn: "2026-03-15",
  custodianAgency: "DIGECAM",
  condition: "new",
};

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
  gtAward = await insertAward(db, u.officer.id);
  jmAward = await insertAward(db, u.officer.id, { country: "JM", program: "cbsi", partner: "unlirec" });
});
afterAll(async () => {
  await db.drop();
});

describe("the equipment register", () => {
  it("has no serial number field and refuses text that carries serial numbers", () => {
    expect(Object.keys(addEquipmentItemSchema.shape)).not.toEqual(expect.arrayContaining([expect.stringMatching(/serial/i)]));
    for (const s of ["Serial: 123", "S/N 44-1", "serials 1-40", "números de serie 1 a 40", "Nº de serie 1234"]) expect(looksLikeSerialNumbers(s), s).toBe(true);
    for (const s of ["TM-5000", "Marking machine, 2nd series", "Máquina de marcaje serie 5000", "Pistol vault"]) expect(looksLikeSerialNumbers(s), s).toBe(false);
  });

  it("lets the partner's users and officers add items; focal points read; others (donors too, decision 0011) get not found", async () => {
    const before = await deliveryCounts(db);
    for (const who of ["gt", "jm", "donorInl", "approver", "reviewer", "admin"] as const) {
      expect(await rejectionOf(addEquipmentItem(u[who], { awardId: gtAward.id, ...item }, ctx)), who).toBeInstanceOf(NotFoundError);
    }
    expect(await rejectionOf(addEquipmentItem(u.partner, { awardId: jmAward.id, ...item }, ctx))).toBeInstanceOf(NotFoundError);
    expect(await deliveryCounts(db)).toEqual(before);

    const a = await addEquipmentItem(u.partner, { awardId: gtAward.id, ...item }, ctx);
    const b = await addEquipmentItem(u.officer, { awardId: gtAward.id,  ...item, kind: "Laser marking machine", model: "", handoverOn: "", quantity: 1 }, ctx);
    const [row] = await db.db.select().from(equipmentItems).where(eq(equipmentItems.id, a.id));
    expect(row).toMatchObject({ kind: "Dot-peen marking machine", model: "TM-5000", quantity: 2, handoverOn: "2026-03-15", custodianAgency: "DIGECAM", condition: "new" });
    const [second] = await db.db.select().from(equipmentItems).where(eq(equipmentItems.id, b.id));
    expect(second).toMatchObject({ model: null, handoverOn: null });

    for (const who of ["gt", "officer", "partner"] as const) {
      const list = await listEquipment(u[who], gtAward.id);
      expect(list.items.map((i) => i.kind), who).toEqual(["Dot-peen marking machine", "Laser marking machine"]);
      expect(list.canEdit, who).toBe(who === "officer" || who === "partner");
    }
    for (const who of ["jm", "donorInl", "donorWra", "reviewer"] as const) await expect(listEquipment(u[who], gtAward.id), who).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses bad input with keys and changes nothing", async () => {
    const before = await deliveryCounts(db);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ ...item, kind: "x" }, { kind: "delivery.errors.kindShort" }],
      [{ ...item, kind: "k".repeat(121) }, { kind: "delivery.errors.kindLong" }],
      [{ ...item, model: "m".repeat(121) }, { model: "delivery.errors.modelLong" }],
      [{ ...item, quantity: "0" }, { quantity: "delivery.errors.quantity" }],
      [{ ...item, quantity: "100001" }, { quantity: "delivery.errors.quantity" }],
      [{ ...item, quantity: "2.5" }, { quantity: "delivery.errors.quantity" }],
      [{ ...item, custodianAgency: "" }, { custodianAgency: "delivery.errors.custodianShort" }],
      [{ ...item, condition: "shiny" }, { condition: "delivery.errors.condition" }],
      [{ ...item, handoverOn: "2025-12-31" }, { handoverOn: "delivery.errors.handoverOutsidePeriod" }],
      [{ ...item, model: "TM-5000, S/N 4471-4480" }, { model: "delivery.errors.serialNumbers" }],
      [{ ...item, serialNumbers: "123" }, {}],
    ];
    for (const [input, keys] of cases) {
      const error = await rejectionOf(addEquipmentItem(u.partner, { awardId: gtAward.id, ...input }, ctx));
      expect(errorKeys(error), JSON.stringify(input).slice(0, 80)).toMatchObject(keys);
    }
    expect(await deliveryCounts(db)).toEqual(before);
  });

  it("updates the condition and records end-use checks, for the partner and officers only", async () => {
    const [first] = (await listEquipment(u.officer, gtAward.id)).items;
    for (const who of ["gt", "jm", "donorInl"] as const) {
      expect(await rejectionOf(updateEquipmentCondition(u[who], { itemId: first.id,  condition: "good" }, ctx)), who).toBeInstanceOf(NotFoundError);
      expect(await rejectionOf(addEquipmentCheck(u[who], { itemId: first.id,  checkedOn: "2026-06-01", result: "in_use_as_intended" }, ctx)), who).toBeInstanceOf(NotFoundError);
    }
    expect(await updateEquipmentCondition(u.partner, { itemId: first.id,  condition: "good" }, ctx)).toEqual({ changed: true });
    expect(await updateEquipmentCondition(u.partner, { itemId: first.id,  condition: "good" }, ctx)).toEqual({ changed: false });

    const before = await deliveryCounts(db);
    const checkCases: [Record<string, unknown>, Record<string, string>][] = [
      [{ checkedOn: "2099-01-01", result: "in_use_as_intended" }, { checkedOn: "delivery.errors.dateInFuture" }],
      [{ checkedOn: "2026-03-01", result: "in_use_as_intended" }, { checkedOn: "delivery.errors.checkBeforeHandover" }],
      [{ checkedOn: "2026-06-01", result: "lost?" }, { result: "delivery.errors.checkResult" }],
      [{ checkedOn: "2026-06-01", result: "misused", note: "n".repeat(2001) }, { note: "delivery.errors.noteLong" }],
      [{ checkedOn: "2026-06-01", result: "misused", note: "Serial 1234 missing" }, { note: "delivery.errors.serialNumbers" }],
    ];
    for (const [input, keys] of checkCases) {
      expect(errorKeys(await rejectionOf(addEquipmentCheck(u.officer, { itemId: first.id, ...input }, ctx))), JSON.stringify(input).slice(0, 80)).toMatchObject(keys);
    }
    expect(await deliveryCounts(db)).toEqual(before);

    await addEquipmentCheck(u.officer, { itemId: first.id,  checkedOn: "2026-06-01", result: "in_use_as_intended", note: "Both machines in use at the DIGECAM workshop." }, ctx);
    const checks = await db.db.select().from(equipmentChecks).where(eq(equipmentChecks.itemId, first.id));
    expect(checks).toHaveLength(1);
    const list = await listEquipment(u.gt, gtAward.id);
    expect(list.items[0]).toMatchObject({ condition: "good", checks: [{ checkedOn: "2026-06-01", result: "in_use_as_intended" }] });
    expect((await deliveryCounts(db)).audit - before.audit).toBe(1);
  });
});
