// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen } from "@testing-library/react";
import { renderUi } from "@/test/render-ui";
import { Badge } from "./badge";
import { Notice } from "./notice";

afterEach(cleanup);

describe("Notice", () => {
  it("errors and warnings are alerts, info and success are status messages", () => {
    renderUi(
      <>
        <Notice tone="error">The file is too large.</Notice>
        <Notice tone="warning">The report is late.</Notice>
        <Notice tone="success">Saved.</Notice>
        <Notice>Drafts are kept for a year.</Notice>
      </>,
    );
    expect(screen.getAllByRole("alert").map((n) => n.textContent)).toEqual(["The file is too large.", "The report is late."]);
    expect(screen.getAllByRole("status").map((n) => n.textContent)).toEqual(["Saved.", "Drafts are kept for a year."]);
  });

  it("a message there on load is not a live region, and shows its title", () => {
    renderUi(
      <Notice tone="error" live={false} title="Not sent" testId="notice">
        The mail server did not answer.
      </Notice>,
    );
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
    const notice = screen.getByTestId("notice");
    expect(notice.textContent).toBe("Not sent" + "The mail server did not answer.");
    expect(screen.getByText("Not sent").tagName).toBe("P");
  });
});

describe("Badge", () => {
  it("is plain text, never announced on its own, whatever its tone", () => {
    renderUi(
      <>
        <Badge testId="neutral">Draft</Badge>
        <Badge tone="danger" testId="danger">
          Overdue
        </Badge>
      </>,
    );
    for (const id of ["neutral", "danger"]) expect(screen.getByTestId(id).getAttribute("role")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.getByTestId("danger").textContent).toBe("Overdue");
    expect(screen.getByTestId("danger").className).toContain("badge-danger");
    expect(screen.getByTestId("neutral").className).toBe("badge");
  });
});
