import { describe, expect, it } from "vitest";
import { OFFICER_NOTICES, OFFICER_TIMELINE_ACTIONS, officerNoticeKey } from "@/components/requests/notices";
import { addCommentSchema } from "@/lib/comments/schema";
import { decideRequestSchema } from "@/lib/decisions/schema";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { completeScreeningSchema, startScreeningSchema } from "./schema";

const FULL = { narrativeClear: true, costReasonable: true, noProhibitedData: true, nationalOwnership: true };
const PROGRAM = "7d6f1a52-4a4e-4c41-9a53-4b0e0c0f7f01";

function keys(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join(".") || "_form", i.message]));
}

describe("expectedVersion", () => {
  it("is a number or the digits of a hidden input, not whatever JavaScript turns into a number", () => {
    const parse = (expectedVersion: unknown) => startScreeningSchema.safeParse({ expectedVersion });
    expect(parse(3).data).toEqual({ expectedVersion: 3 });
    expect(parse(" 3 ").data).toEqual({ expectedVersion: 3 });
    for (const v of [true, [3], ["3"], "", "3.5", "1e3", 0, 1e15, Number.NaN, null]) {
      expect(keys(parse(v)), JSON.stringify(v)).toEqual({ expectedVersion: "requests.errors.conflict" });
    }
  });
});

describe("completeScreeningSchema (the form's values as the browser sends them)", () => {
  it("accepts a send to review with a program and a full checklist; the message is optional", () => {
    const r = completeScreeningSchema.safeParse({ programId: PROGRAM, checklist: FULL, outcome: "send_to_review", message: "", expectedVersion: 4 });
    expect(r.success && r.data).toEqual({ programId: PROGRAM, checklist: FULL, outcome: "send_to_review", message: undefined, expectedVersion: 4 });
  });

  it("accepts a rejection without a program, trimming the message; unticked items default to false", () => {
    const r = completeScreeningSchema.safeParse({ programId: "", checklist: {}, outcome: "reject", message: "  Outside the mandate.  ", expectedVersion: "2" });
    expect(r.success && r.data).toMatchObject({ programId: undefined, outcome: "reject", message: "Outside the mandate.", expectedVersion: 2 });
    expect(r.success && r.data.checklist).toEqual({ narrativeClear: false, costReasonable: false, noProhibitedData: false, nationalOwnership: false });
  });

  it("names each problem with a message key", () => {
    expect(keys(completeScreeningSchema.safeParse({ outcome: "send_to_review", checklist: { narrativeClear: true }, expectedVersion: 1 }))).toEqual({
      programId: "officer.errors.programRequired",
      checklist: "officer.errors.checklistIncomplete",
    });
    expect(keys(completeScreeningSchema.safeParse({ outcome: "request_changes", expectedVersion: 1 }))).toEqual({ message: "officer.errors.messageRequired" });
    expect(keys(completeScreeningSchema.safeParse({ outcome: "reject", message: "short", expectedVersion: 1 }))).toEqual({ message: "officer.errors.messageTooShort" });
    expect(keys(completeScreeningSchema.safeParse({ outcome: "reject", message: "Long enough message", expectedVersion: 0 }))).toEqual({ expectedVersion: "requests.errors.conflict" });
  });
});

describe("decideRequestSchema and addCommentSchema", () => {
  it("accept good input and refuse bad input with message keys", () => {
    expect(decideRequestSchema.safeParse({ decision: "approve", memo: "Approved in full.", expectedVersion: 7 }).success).toBe(true);
    expect(keys(decideRequestSchema.safeParse({ decision: "maybe", memo: "x".repeat(10_001), expectedVersion: 7 }))).toEqual({
      decision: "officer.errors.chooseDecision",
      memo: "officer.errors.memoTooLong",
    });
    expect(addCommentSchema.safeParse({ visibility: "shared", body: " Hello " }).data).toEqual({ visibility: "shared", body: "Hello" });
    expect(keys(addCommentSchema.safeParse({ visibility: "secret", body: "" }))).toEqual({
      visibility: "officer.errors.chooseVisibility",
      body: "officer.errors.commentRequired",
    });
  });
});

describe("notices and timeline labels", () => {
  it("resolve to real messages in both languages", () => {
    const keysUsed: MessageKey[] = [...OFFICER_NOTICES.map((n) => officerNoticeKey(n)!), ...Object.values(OFFICER_TIMELINE_ACTIONS)];
    for (const locale of ["en", "es"] as const) {
      const t = createTranslator(locale);
      for (const key of keysUsed) expect(t(key), `${locale} ${key}`).not.toBe(key);
    }
    expect(officerNoticeKey("saved")).toBeNull();
    expect(officerNoticeKey(["approved"])).toBeNull();
  });
});
