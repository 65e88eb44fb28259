import { describe, expect, it } from "vitest";
import { REQUEST_STATUSES, type RequestStatus, type Role, ROLES } from "@/lib/enums";
import { availableEvents, canTransition, isEditable, nextStatus, REQUEST_EVENTS, TERMINAL_STATUSES, type RequestEvent } from "./workflow";

// The expected table, written out by hand from DESIGN.md and the issues: [event, from, to, role].
const ALLOWED: [RequestEvent, RequestStatus, RequestStatus, Role][] = [
  ["submit", "draft", "submitted", "focal_point"],
  ["submit", "changes_requested", "submitted", "focal_point"],
  ["withdraw", "draft", "withdrawn", "focal_point"],
  ["withdraw", "submitted", "withdrawn", "focal_point"],
  ["startScreening", "submitted", "screening", "program_officer"],
  ["sendToReview", "screening", "in_review", "program_officer"],
  ["requestChanges", "screening", "changes_requested", "program_officer"],
  ["requestChanges", "in_review", "changes_requested", "program_officer"],
  ["reject", "screening", "rejected", "program_officer"],
  ["reject", "in_review", "rejected", "program_officer"],
  ["approve", "in_review", "approved", "program_officer"],
  ["award", "approved", "awarded", "program_officer"],
];

describe("request workflow: every role x status x event", () => {
  for (const role of ROLES) {
    for (const status of REQUEST_STATUSES) {
      for (const event of REQUEST_EVENTS) {
        const row = ALLOWED.find(([e, from, , r]) => e === event && from === status && r === role);
        it(`${role} ${row ? "may" : "may not"} ${event} a ${status} request${row ? ` (-> ${row[2]})` : ""}`, () => {
          expect(canTransition([role], status, event)).toBe(Boolean(row));
          if (row) expect(nextStatus(status, event)).toBe(row[2]);
        });
      }
    }
  }

  it("knows no transition out of the end states", () => {
    for (const status of TERMINAL_STATUSES) {
      for (const event of REQUEST_EVENTS) expect(nextStatus(status, event)).toBeNull();
    }
  });

  it("offers the actions of every role a user holds, in workflow order", () => {
    expect(availableEvents(["focal_point"], "draft")).toEqual(["submit", "withdraw"]);
    expect(availableEvents(["program_officer"], "in_review")).toEqual(["requestChanges", "approve", "reject"]);
    expect(availableEvents(["donor", "reviewer"], "in_review")).toEqual([]);
  });

  it("allows editing only while the state holds the request", () => {
    expect(REQUEST_STATUSES.filter(isEditable)).toEqual(["draft", "changes_requested"]);
  });
});
