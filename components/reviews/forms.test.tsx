import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { catalogs } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/config";
import { AssignReviewersForm } from "./assign-reviewers-form";
import { DeclareConflictForm } from "./declare-conflict-form";
import { ReviewForm } from "./review-form";

// The forms call server actions; rendering never does.
vi.mock("@/app/reviews/actions", () => ({
  assignReviewersAction: vi.fn(),
  declareConflictAction: vi.fn(),
  submitReviewAction: vi.fn(),
}));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

function render(node: ReactNode, locale: Locale = "en") {
  return renderToStaticMarkup(
    <I18nProvider locale={locale} messages={catalogs[locale]}>
      {node}
    </I18nProvider>,
  );
}

describe("review forms render", () => {
  it("the declaration offers no/yes as radios under a legend, in Spanish too", () => {
    const html = render(<DeclareConflictForm assignmentId="a" />, "es");
    expect(html).toContain("¿Tiene un conflicto de interés?");
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html).toContain("Registrar mi declaración");
  });

  it("the scoring form has, per criterion, a weight, five radios and a comment, then the recommendation", () => {
    const html = render(
      <ReviewForm
        assignmentId="a"
        criteria={[
          { id: "c1", name: "Relevance", weight: 30 },
          { id: "c2", name: "Feasibility", weight: 25 },
        ]}
      />,
    );
    expect(html).toContain("Relevance (weight 30)");
    expect(html).toContain("Feasibility (weight 25)");
    expect(html.match(/type="radio"/g)).toHaveLength(2 * 5 + 3);
    expect(html.match(/<textarea/g)).toHaveLength(3);
    expect(html).toContain("5 – Excellent");
    expect(html).toContain("Request changes");
  });

  it("the assignment form marks who would be recused and who is already assigned", () => {
    const html = render(
      <AssignReviewersForm
        requestId="r"
        reviewers={[
          { id: "u1", label: "Grace", organizationId: null, autoRecusal: null, isAssigned: false },
          { id: "u2", label: "Luis", organizationId: null, autoRecusal: "country", isAssigned: false },
          { id: "u3", label: "Ann", organizationId: null, autoRecusal: null, isAssigned: true },
        ]}
        programs={[
          { id: "p1", label: "OAS (suggested by the state)", hasRubric: true },
          { id: "p2", label: "Other (no rubric)", hasRubric: false },
        ]}
        partners={[{ id: "o1", name: "OAS" }]}
      />,
    );
    expect(html.match(/type="checkbox"/g)).toHaveLength(3);
    expect(html).toContain("would be recused automatically: bound to the requesting country");
    expect(html).toContain("already assigned");
    expect(html).toMatch(/<option value="p2" disabled="">/);
  });
});
