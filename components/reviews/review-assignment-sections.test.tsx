// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import { renderUi, tEn } from "@/test/render-ui";
import { createTranslator } from "@/lib/i18n/translate";
import type { ReviewerAssignmentView } from "@/lib/reviews/queries";
import { AssignmentHeader, DeclarationSection, OwnReviewSection, PeerReviewsSection, RecusedNote, ScoringSection } from "./review-assignment-sections";

afterEach(cleanup);

const tEs = createTranslator("es");

const never = async () => ({ ok: true as const, data: undefined });
const rubric = [
  { id: "c1", key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: 60, position: 1 },
  { id: "c2", key: "feasibility", nameEn: "Feasibility", nameEs: "Viabilidad", weight: 40, position: 2 },
];

function view(overrides: Partial<ReviewerAssignmentView> = {}, assignment: Partial<ReviewerAssignmentView["assignment"]> = {}): ReviewerAssignmentView {
  return {
    assignment: {
      id: "a1",
      status: "active",
      isAutoRecused: false,
      conflictDeclared: false,
      conflictReason: null,
      declaredAt: null,
      recommendation: null,
      comment: null,
      submittedAt: null,
      revisionNumber: null,
      createdAt: new Date("2026-03-02T10:00:00Z"),
      ...assignment,
    },
    request: { id: "r1", reference: "REQ-2026-0007", titleEn: "Marking machines", titleEs: null, primaryLocale: "en", status: "in_review", revisionCount: 1 },
    program: { id: "p1", nameEn: "OAS Firearms Marking Program", nameEs: "Programa de la OEA" },
    subject: { country: { iso2: "GT", nameEn: "Guatemala", nameEs: "Guatemala" }, category: null, agencies: [], namedAgencies: [] },
    isRecused: false,
    canDeclare: false,
    canScore: true,
    detail: null,
    rubric,
    ownScores: [],
    ownTotal: null,
    changes: null,
    peers: null,
    aggregate: null,
    ...overrides,
  } as ReviewerAssignmentView;
}

describe("the reviewer's assignment sections", () => {
  it("the header names the request, its statuses and the program, in Spanish too", () => {
    renderUi(<AssignmentHeader view={view()} t={tEn} locale="en" />);
    expect(screen.getByTestId("review-reference").textContent).toBe("REQ-2026-0007");
    expect(screen.getByTestId("review-status").textContent).toBe(tEn("reviews.status.active"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Marking machines");
    expect(screen.getByText(/OAS Firearms Marking Program/)).toBeTruthy();
    cleanup();
    renderUi(<AssignmentHeader view={view()} t={tEs} locale="es" />, "es");
    expect(screen.getByTestId("review-status").textContent).toBe(tEs("reviews.status.active"));
    expect(screen.getByText(/Programa de la OEA/)).toBeTruthy();
  });

  it("the declaration shows its form while it can be made, else says it is closed", () => {
    const { unmount } = renderUi(<DeclarationSection view={view({ canDeclare: true }, { status: "awaiting_declaration" })} t={tEn} action={never} />);
    expect(screen.getByRole("group", { name: tEn("reviews.declare.legend") })).toBeTruthy();
    unmount();
    renderUi(<DeclarationSection view={view({ canDeclare: false })} t={tEn} action={never} />);
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByText(tEn("reviews.detail.closed"))).toBeTruthy();
  });

  it("the scoring has one criterion block per rubric criterion, or says there is no rubric", () => {
    const { unmount } = renderUi(<ScoringSection view={view()} t={tEn} locale="en" action={never} />);
    expect(screen.getAllByTestId(/^criterion-/)).toHaveLength(2);
    expect(screen.getByText(tEn("reviews.score.criterionLegend", { criterion: "Relevance", weight: 60 }))).toBeTruthy();
    unmount();
    renderUi(<ScoringSection view={view({ canScore: false, rubric: [] })} t={tEn} locale="en" action={never} />);
    expect(screen.queryByTestId(/^criterion-/)).toBeNull();
    expect(screen.getByText(tEn("reviews.score.noRubric"))).toBeTruthy();
  });

  it("a declared recusal says its reason; an automatic one does not", () => {
    const { unmount } = renderUi(<RecusedNote view={view({ isRecused: true }, { status: "recused", conflictReason: "My cousin leads it." })} t={tEn} />);
    expect(screen.getByTestId("review-recused").textContent).toContain("My cousin leads it.");
    unmount();
    renderUi(<RecusedNote view={view({ isRecused: true }, { status: "recused", isAutoRecused: true, conflictReason: "hidden" })} t={tEn} />);
    expect(screen.getByTestId("review-recused").textContent).toBe(tEn("reviews.detail.recusedAuto"));
  });

  it("the own review shows the scores and recommendation; the peers stay hidden until then", () => {
    const submitted = view({}, { status: "submitted", recommendation: "approve", comment: "Fund it.", submittedAt: new Date("2026-03-05T10:00:00Z") });
    renderUi(
      <>
        <OwnReviewSection
          view={{ ...submitted, ownScores: [{ criterionId: "c1", score: 4, comment: "Solid." }], ownTotal: 4 } as ReviewerAssignmentView}
          t={tEn}
          locale="en"
        />
        <PeerReviewsSection view={submitted} t={tEn} locale="en" />
      </>,
    );
    expect(screen.getByTestId("own-scores")).toBeTruthy();
    expect(screen.getByText("Fund it.")).toBeTruthy();
    expect(screen.getAllByText(tEn("reviews.recommendation.approve")).length).toBeGreaterThan(0);
    expect(within(screen.getByTestId("review-peers")).getByText(tEn("reviews.detail.peersHidden"))).toBeTruthy();
  });
});
