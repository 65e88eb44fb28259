import { describe, expect, it } from "vitest";
import { REQUEST_STATUSES, REVIEW_STATUSES } from "@/lib/enums";
import { autoRecusalReason, canAssign, canDeclare, canScore, canSeePeerScores, opensRequest } from "./workflow";

const plain = { countryIso2: null, organizationId: null, organizationType: null, organizationCountryIso2: null };
const request = { countryIso2: "GT" };

describe("autoRecusalReason", () => {
  it("recuses a reviewer bound to the requesting country", () => {
    expect(autoRecusalReason({ ...plain, countryIso2: "GT" }, request)).toBe("country");
    expect(autoRecusalReason({ ...plain, countryIso2: "JM" }, request)).toBeNull();
  });

  it("recuses staff of a government organization of the requesting country only", () => {
    const digecam = { ...plain, organizationId: "o1", organizationType: "government", organizationCountryIso2: "GT" };
    expect(autoRecusalReason(digecam, request)).toBe("government");
    expect(autoRecusalReason({ ...digecam, organizationCountryIso2: "US" }, request)).toBeNull();
    expect(autoRecusalReason({ ...digecam, organizationType: "implementing_partner" }, request)).toBeNull();
  });

  it("recuses staff of the proposed partner only when one is proposed", () => {
    const oas = { ...plain, organizationId: "oas", organizationType: "implementing_partner" };
    expect(autoRecusalReason(oas, request, "oas")).toBe("partner");
    expect(autoRecusalReason(oas, request, "unlirec")).toBeNull();
    expect(autoRecusalReason(oas, request)).toBeNull();
    expect(autoRecusalReason(plain, request, "oas")).toBeNull();
  });

  it("an unbound reviewer is never recused automatically", () => {
    expect(autoRecusalReason(plain, request, null)).toBeNull();
  });
});

describe("state rules, every review status x request status", () => {
  for (const requestStatus of REQUEST_STATUSES) {
    it(`assigning in ${requestStatus}`, () => {
      expect(canAssign(requestStatus)).toBe(requestStatus === "screening" || requestStatus === "in_review");
    });
    for (const status of REVIEW_STATUSES) {
      it(`${status} review on a ${requestStatus} request`, () => {
        expect(canDeclare(status, requestStatus)).toBe(status === "awaiting_declaration" && canAssign(requestStatus));
        expect(canScore(status, requestStatus)).toBe(status === "active" && requestStatus === "in_review");
        expect(canSeePeerScores(status)).toBe(status === "submitted");
        // The request opens only once the reviewer has declared no conflict (and stays open after scoring).
        expect(opensRequest(status)).toBe(status === "active" || status === "submitted");
      });
    }
  }
});
