import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { createAwardSchema } from "./schema";

const en = createTranslator("en");
const es = createTranslator("es");

const REQUEST = "6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const PROGRAM = "7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const PARTNER = "8f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";

function input(overrides: Record<string, unknown> = {}) {
  return {
    requestId: REQUEST,
    programId: PROGRAM,
    implementingPartnerId: PARTNER,
    amount: "150,000.50",
    startsOn: "2026-09-01",
    endsOn: "2027-08-31",
    tranches: [
      { amount: "100000", plannedOn: "2026-09-01" },
      { amount: "50000.50", plannedOn: "2027-08-31" },
    ],
    deliverables: [{ title: "  Machines delivered  ", dueOn: "2027-01-31" }],
    expectedVersion: 3,
    ...overrides,
  };
}

function issues(value: unknown): Record<string, string> {
  const result = createAwardSchema.safeParse(value);
  if (result.success) return {};
  // Every message is a key with a text in both languages.
  for (const issue of result.error.issues) {
    expect(en(issue.message as never), issue.message).not.toBe(issue.message);
    expect(es(issue.message as never), issue.message).not.toBe(en(issue.message as never));
  }
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("createAwardSchema", () => {
  it("accepts a complete award, with the period's first and last days, and trims titles", () => {
    const result = createAwardSchema.parse(input());
    expect(result.amount).toBe("150000.50");
    expect(result.deliverables[0].title).toBe("Machines delivered");
  });

  it("defaults to no deliverables", () => {
    const { deliverables: _omit, ...rest } = input();
    expect(createAwardSchema.parse(rest).deliverables).toEqual([]);
  });

  it.each([
    ["-5", "awards.errors.amountPositive"],
    ["0", "awards.errors.amountPositive"],
    ["0.00", "awards.errors.amountPositive"],
    ["", "awards.errors.amountRequired"],
    ["12.345", "awards.errors.money"],
    ["1e5", "awards.errors.money"],
    ["100000000.01", "awards.errors.amountTooHigh"],
  ])("refuses the amount %s with %s", (amount, key) => {
    expect(issues(input({ amount }))["amount"]).toBe(key);
  });

  it("requires the tranches to add up exactly to the amount, to the cent", () => {
    expect(issues(input({ amount: "150000.51" }))["tranches"]).toBe("awards.errors.tranchesSum");
  });

  it("refuses a period that ends before it starts, ends the same day, or lasts over five years", () => {
    expect(issues(input({ endsOn: "2026-08-31" }))["endsOn"]).toBe("awards.errors.endsBeforeStart");
    expect(issues(input({ endsOn: "2026-09-01" }))["endsOn"]).toBe("awards.errors.endsBeforeStart");
    expect(issues(input({ endsOn: "2031-09-02" }))["endsOn"]).toBe("awards.errors.periodTooLong");
    expect(issues(input({ endsOn: "2031-09-01" }))).toEqual({});
  });

  it("refuses tranches and deliverables outside the period, impossible dates and bad ids", () => {
    expect(issues(input({ tranches: [{ amount: "150000.50", plannedOn: "2027-09-01" }] }))["tranches.0.plannedOn"]).toBe("awards.errors.trancheOutsidePeriod");
    expect(issues(input({ deliverables: [{ title: "Report", dueOn: "2026-08-31" }] }))["deliverables.0.dueOn"]).toBe("awards.errors.deliverableOutsidePeriod");
    expect(issues(input({ startsOn: "2026-02-30" }))["startsOn"]).toBe("awards.errors.date");
    expect(issues(input({ programId: "" }))["programId"]).toBe("awards.errors.programRequired");
    expect(issues(input({ implementingPartnerId: "oas" }))["implementingPartnerId"]).toBe("awards.errors.partnerRequired");
    expect(issues(input({ expectedVersion: 0 }))["expectedVersion"]).toBe("awards.errors.version");
    expect(Object.keys(issues(input({ status: "active" })))).not.toHaveLength(0);
  });
});

describe("createAwardSchema with a start or end that is not a date", () => {
  it.each(["", "2026-02-30", "tomorrow", "   "])("answers a field error for startsOn %j instead of throwing", (startsOn) => {
    expect(() => createAwardSchema.safeParse(input({ startsOn }))).not.toThrow();
    const found = issues(input({ startsOn }));
    expect(found.startsOn).toMatch(/^awards\.errors\.date/);
  });

  it("answers a field error for an impossible end date", () => {
    expect(issues(input({ endsOn: "2027-02-30" })).endsOn).toBe("awards.errors.date");
  });
});

describe("createAwardSchema free text", () => {
  it.each(["Machines\u0000", "Machines \uD800", "Machines \u202Eexe.fdp"])("refuses %j in a deliverable title with a field message", (title) => {
    const found = issues(input({ deliverables: [{ title, dueOn: "2027-01-31" }] }));
    expect(found["deliverables.0.title"]).toBe("common.errors.unsafeText");
  });
});
