// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ActionResult } from "@/lib/errors";
import { RECOMMENDATIONS } from "@/lib/reviews/schema";
import { renderUi, tEn } from "@/test/render-ui";
import { AssignReviewersForm } from "./assign-reviewers-form";
import { DeclareConflictForm } from "./declare-conflict-form";
import { ReviewForm } from "./review-form";

// Next's router (the assignment form refreshes the page's summary after success).
const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

afterEach(cleanup);

// happy-dom has no HTMLSelectElement.size (0 in browsers); without it react-hook-form takes a <select>
// for edited before hydration and keeps its first option instead of the default value.
if (!("size" in HTMLSelectElement.prototype)) {
  Object.defineProperty(HTMLSelectElement.prototype, "size", { configurable: true, get: () => 0 });
}

/** A stand-in server action: records what it was sent and answers with the given result. */
function recording<T = undefined>(result: ActionResult<T>) {
  const calls: unknown[] = [];
  const action = async (input: unknown) => {
    calls.push(input);
    return result;
  };
  return { calls, action };
}

const C1 = "0b6c1f3e-2a4d-4c8e-9f10-111111111111";
const C2 = "0b6c1f3e-2a4d-4c8e-9f10-222222222222";
const criteria = [
  { id: C1, name: "Relevance", weight: 30 },
  { id: C2, name: "Feasibility", weight: 25 },
];

describe("DeclareConflictForm", () => {
  it("offers no/yes under a legend, in Spanish too, and asks no reason for no conflict", async () => {
    const { calls, action } = recording({ ok: true, data: undefined });
    renderUi(<DeclareConflictForm assignmentId="a1" action={action} />, "es");
    const group = screen.getByRole("group", { name: "¿Tiene un conflicto de interés?" });
    expect(within(group).getAllByRole("radio")).toHaveLength(2);
    await userEvent.click(screen.getByRole("radio", { name: /^No/ }));
    expect(screen.queryByRole("textbox")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Registrar mi declaración" }));
    await waitFor(() => expect(calls).toEqual([{ hasConflict: false, reason: null, assignmentId: "a1" }]));
  });

  it("a conflict needs its reason, checked in the browser first, then sent with it", async () => {
    const { calls, action } = recording({ ok: true, data: undefined });
    renderUi(<DeclareConflictForm assignmentId="a1" action={action} />);
    const yes = screen.getByRole("radio", { name: tEn("reviews.declare.yes") });
    expect(yes.getAttribute("aria-describedby")).toBe(screen.getByText(tEn("reviews.declare.yesHint")).id);
    await userEvent.click(yes);
    await userEvent.click(screen.getByRole("button", { name: tEn("reviews.declare.submit") }));
    const reason = screen.getByLabelText(new RegExp(tEn("reviews.declare.reasonLabel")));
    await waitFor(() => expect(reason.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText(tEn("reviews.errors.reasonRequired"))).toBeTruthy();
    expect(calls).toHaveLength(0);
    await userEvent.type(reason, "  My brother runs the partner.  ");
    await userEvent.click(screen.getByRole("button", { name: tEn("reviews.declare.submit") }));
    await waitFor(() => expect(calls).toEqual([{ hasConflict: true, reason: "My brother runs the partner.", assignmentId: "a1" }]));
  });

  it("a server refusal with no field is said in the alert", async () => {
    const { action } = recording({ ok: false, formError: "This review assignment has changed." });
    renderUi(<DeclareConflictForm assignmentId="a1" action={action} />);
    await userEvent.click(screen.getByRole("radio", { name: tEn("reviews.declare.no") }));
    await userEvent.click(screen.getByRole("button", { name: tEn("reviews.declare.submit") }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("This review assignment has changed."));
  });
});

describe("ReviewForm", () => {
  async function fill(index: number, score: string, reason: string) {
    const criterion = screen.getByTestId(`criterion-${index}`);
    await userEvent.click(within(criterion).getByRole("radio", { name: tEn(`reviews.score.scale.s${score}` as "reviews.score.scale.s1") }));
    await userEvent.type(within(criterion).getByLabelText(new RegExp(tEn("reviews.score.commentLabel"))), reason);
  }

  it("has per criterion its weight, five scores and a reason, then the recommendation group", () => {
    renderUi(<ReviewForm assignmentId="a1" criteria={criteria} action={recording({ ok: true, data: undefined }).action} />);
    expect(screen.getByText("Relevance (weight 30)")).toBeTruthy();
    expect(screen.getByText("Feasibility (weight 25)")).toBeTruthy();
    expect(screen.getAllByTestId(/^criterion-/)).toHaveLength(2);
    expect(within(screen.getByTestId("criterion-1")).getAllByRole("radio")).toHaveLength(5);
    const recommendation = screen.getByRole("group", { name: tEn("reviews.score.recommendationLegend") });
    expect(within(recommendation).getAllByRole("radio").map((r) => r.parentElement?.textContent)).toEqual(RECOMMENDATIONS.map((r) => tEn(`reviews.recommendation.${r}`)));
  });

  it("sends the scores as numbers with their criteria, the recommendation and the comment", async () => {
    const { calls, action } = recording({ ok: true, data: undefined });
    renderUi(<ReviewForm assignmentId="a1" criteria={criteria} action={action} />);
    await fill(0, "4", "Solid.");
    await fill(1, "2", "Thin budget.");
    await userEvent.click(screen.getByRole("radio", { name: "Approve" }));
    await userEvent.type(screen.getByLabelText(tEn("reviews.score.overallCommentLabel")), "Fund it.");
    await userEvent.click(screen.getByRole("button", { name: tEn("reviews.score.submit") }));
    await waitFor(() =>
      expect(calls).toEqual([
        {
          scores: [
            { criterionId: C1, score: 4, comment: "Solid." },
            { criterionId: C2, score: 2, comment: "Thin budget." },
          ],
          recommendation: "approve",
          comment: "Fund it.",
          assignmentId: "a1",
        },
      ]),
    );
  });

  it("a missing score is said in its own criterion before anything is sent", async () => {
    const { calls, action } = recording({ ok: true, data: undefined });
    renderUi(<ReviewForm assignmentId="a1" criteria={criteria} action={action} />);
    await fill(0, "3", "Fine.");
    await userEvent.type(within(screen.getByTestId("criterion-1")).getByLabelText(new RegExp(tEn("reviews.score.commentLabel"))), "No score.");
    await userEvent.click(screen.getByRole("radio", { name: "Reject" }));
    await userEvent.click(screen.getByRole("button", { name: tEn("reviews.score.submit") }));
    await waitFor(() => expect(within(screen.getByTestId("criterion-1")).getByText(tEn("reviews.errors.scoreRequired"))).toBeTruthy());
    expect(within(screen.getByTestId("criterion-0")).queryByText(tEn("reviews.errors.scoreRequired"))).toBeNull();
    expect(screen.getByRole("alert").textContent).toBe(tEn("common.errors.invalidInput"));
    expect(calls).toHaveLength(0);
  });

  it("places the server's messages next to the criterion they are about, the rest in the alert", async () => {
    const { action } = recording({
      ok: false,
      fieldErrors: { "scores.1.comment": "Explain this score.", "scores.0.criterionId": "A criterion was scored twice." },
    });
    renderUi(<ReviewForm assignmentId="a1" criteria={criteria} action={action} />);
    await fill(0, "5", "Great.");
    await fill(1, "1", "Weak.");
    await userEvent.click(screen.getByRole("radio", { name: "Approve" }));
    await userEvent.click(screen.getByRole("button", { name: tEn("reviews.score.submit") }));
    const second = within(screen.getByTestId("criterion-1")).getByLabelText(new RegExp(tEn("reviews.score.commentLabel")));
    await waitFor(() => expect(second.getAttribute("aria-invalid")).toBe("true"));
    expect(second.getAttribute("aria-describedby")).toContain(within(screen.getByTestId("criterion-1")).getByText("Explain this score.").id);
    expect(within(screen.getByTestId("criterion-0")).queryByText("Explain this score.")).toBeNull();
    expect(screen.getByRole("alert").textContent).toBe("A criterion was scored twice.");
  });
});

describe("AssignReviewersForm", () => {
  const P1 = "7d0c5a2e-1b3f-4e6a-8c9d-000000000001";
  const O1 = "7d0c5a2e-1b3f-4e6a-8c9d-0000000000a1";
  const reviewers = [
    { id: "u1", label: "Grace", organizationId: null, autoRecusal: null, isAssigned: false },
    { id: "u2", label: "Luis", organizationId: null, autoRecusal: "country" as const, isAssigned: false },
    { id: "u3", label: "Ann", organizationId: null, autoRecusal: null, isAssigned: true },
    { id: "u4", label: "Olga", organizationId: O1, autoRecusal: null, isAssigned: false },
  ];
  const programs = [
    { id: P1, label: "OAS (suggested by the state)", hasRubric: true },
    { id: "p2", label: "Other (no rubric)", hasRubric: false },
  ];
  const partners = [{ id: O1, name: "OAS" }];

  it("marks who would be recused (the partner's staff once it is chosen) and who is already assigned", async () => {
    renderUi(<AssignReviewersForm requestId="r1" reviewers={reviewers} programs={programs} partners={partners} action={recording({ ok: true, data: { assigned: 0, recused: 0, skipped: 0 } }).action} />);
    const group = screen.getByRole("group", { name: tEn("reviews.assign.reviewersLegend") });
    expect(within(group).getAllByRole("checkbox")).toHaveLength(4);
    const luis = within(group).getByRole("checkbox", { name: "Luis" });
    const hintOf = (box: HTMLElement) => (box.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent).join(" ");
    expect(hintOf(luis)).toContain("bound to the requesting country");
    expect(hintOf(within(group).getByRole("checkbox", { name: "Ann" }))).toContain(tEn("reviews.assign.alreadyAssigned"));
    expect((within(group).getByRole("checkbox", { name: "Ann" }) as HTMLInputElement).disabled).toBe(true);
    expect(hintOf(within(group).getByRole("checkbox", { name: "Olga" }))).not.toContain("would be recused");
    await userEvent.selectOptions(screen.getByLabelText(tEn("reviews.assign.partnerLabel")), O1);
    await waitFor(() => expect(hintOf(within(group).getByRole("checkbox", { name: "Olga" }))).toContain(tEn("reviews.autoRecusal.partner")));
    const program = screen.getByLabelText(new RegExp(tEn("reviews.assign.programLabel"))) as HTMLSelectElement;
    expect(program.value).toBe(P1);
    expect((within(program).getByRole("option", { name: "Other (no rubric)" }) as HTMLOptionElement).disabled).toBe(true);
  });

  it("sends the chosen reviewers, program and partner, says the outcome and clears the reviewers", async () => {
    refresh.mockClear();
    const { calls, action } = recording({ ok: true, data: { assigned: 1, recused: 1, skipped: 0 } });
    renderUi(<AssignReviewersForm requestId="r1" reviewers={reviewers} programs={programs} partners={partners} action={action} />);
    await userEvent.click(screen.getByRole("checkbox", { name: "Grace" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Luis" }));
    expect(screen.getByText("2 / 10")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: tEn("reviews.assign.submit") }));
    await screen.findByText(tEn("reviews.assign.done", { assigned: 1, recused: 1, skipped: 0 }));
    expect(calls).toEqual([{ reviewerIds: ["u1", "u2"], programId: P1, requestId: "r1" }]);
    expect(refresh).toHaveBeenCalled();
    expect((screen.getByRole("checkbox", { name: "Grace" }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText(new RegExp(tEn("reviews.assign.programLabel"))) as HTMLSelectElement).value).toBe(P1);
  });

  it("without a reviewer nothing is sent; a server message on one reviewer stands by the group", async () => {
    const { calls, action } = recording<{ assigned: number; recused: number; skipped: number }>({ ok: false, fieldErrors: { "reviewerIds.0": "This reviewer cannot be assigned." } });
    renderUi(<AssignReviewersForm requestId="r1" reviewers={reviewers} programs={programs} partners={partners} action={action} />);
    await userEvent.click(screen.getByRole("button", { name: tEn("reviews.assign.submit") }));
    await screen.findByText(tEn("reviews.errors.reviewersRequired"));
    expect(calls).toHaveLength(0);
    await userEvent.click(screen.getByRole("checkbox", { name: "Grace" }));
    await userEvent.click(screen.getByRole("button", { name: tEn("reviews.assign.submit") }));
    const group = screen.getByRole("group", { name: tEn("reviews.assign.reviewersLegend") });
    await waitFor(() => expect(within(group).getByText("This reviewer cannot be assigned.")).toBeTruthy());
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe(tEn("common.errors.invalidInput")));
  });

  it("cannot be sent when every reviewer is already assigned", () => {
    renderUi(<AssignReviewersForm requestId="r1" reviewers={[reviewers[2]]} programs={programs} partners={partners} action={recording({ ok: true, data: { assigned: 0, recused: 0, skipped: 0 } }).action} />);
    expect((screen.getByRole("button", { name: tEn("reviews.assign.submit") }) as HTMLButtonElement).disabled).toBe(true);
  });
});
