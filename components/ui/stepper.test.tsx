// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import { createTranslator } from "@/lib/i18n/translate";
import { renderUi, tEn } from "@/test/render-ui";
import { Stepper } from "./stepper";

afterEach(cleanup);

const STEPS = [
  { id: "draft", label: "Draft" },
  { id: "review", label: "Review" },
  { id: "decision", label: "Decision" },
];

describe("Stepper", () => {
  it("is a named list; the current step has aria-current and the ones before it read as done", () => {
    renderUi(<Stepper steps={STEPS} current="review" t={tEn} />);
    const list = screen.getByRole("list", { name: "Progress" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((i) => i.textContent)).toEqual(["Draft (done)", "Review (current step)", "Decision"]);
    expect(items.map((i) => i.getAttribute("aria-current"))).toEqual([null, "step", null]);
    expect(list.querySelectorAll('[aria-current="step"]')).toHaveLength(1);
  });

  it("speaks Spanish in Spanish", () => {
    renderUi(<Stepper steps={STEPS} current="decision" t={createTranslator("es")} />, "es");
    const items = within(screen.getByRole("list", { name: "Avance" })).getAllByRole("listitem");
    expect(items.map((i) => i.textContent)).toEqual(["Draft (completado)", "Review (completado)", "Decision (paso actual)"]);
  });

  it("marks no step current when the current one is not listed", () => {
    renderUi(<Stepper steps={STEPS} current="withdrawn" t={tEn} />);
    expect(document.querySelector('[aria-current="step"]')).toBeNull();
  });
});
