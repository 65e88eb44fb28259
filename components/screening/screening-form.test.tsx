// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ActionResult } from "@/lib/errors";
import { renderUi, tEn } from "@/test/render-ui";
import { ScreeningForm, type ScreeningFormProgram } from "./screening-form";

afterEach(cleanup);

/** A stand-in server action: records what it was sent and answers with the given result. */
function recording(result: ActionResult) {
  const calls: unknown[] = [];
  const action = async (input: unknown) => {
    calls.push(input);
    return result;
  };
  return { calls, action };
}

const P1 = "5a0e9c1d-3b2f-4a6c-9d8e-000000000001";
const P2 = "5a0e9c1d-3b2f-4a6c-9d8e-000000000002";
const checks = { countryEligible: true, categoryEligible: true, withinRemainingFunds: true, withinAwardCap: true };
const programs: ScreeningFormProgram[] = [
  { id: P1, name: "OAS Firearms Marking Program", remaining: "USD 1,000,000", cap: "USD 300,000", isDemoFigures: false, isSuggested: true, isEligible: true, checks },
  { id: P2, name: "Merida Initiative", remaining: "USD 5,000", cap: null, isDemoFigures: true, isSuggested: false, isEligible: false, checks: { ...checks, categoryEligible: false } },
];

function renderForm(action: ReturnType<typeof recording>["action"], locale: "en" | "es" = "en") {
  return renderUi(<ScreeningForm requestId="r1" version={3} programs={programs} defaultProgramId={P1} action={action} />, locale);
}

async function tickAll() {
  for (const box of within(screen.getByRole("group", { name: tEn("officer.checklist.legend") })).getAllByRole("checkbox")) await userEvent.click(box);
}

describe("ScreeningForm", () => {
  it("offers the programs (the proposed one chosen), the checklist as a group and the outcomes, in Spanish too", () => {
    renderForm(recording({ ok: true, data: undefined }).action, "es");
    expect((screen.getByRole("radio", { name: /OAS Firearms Marking Program/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId(`screening-program-${P2}`).textContent).toContain("No financia esta categoría");
    expect(within(screen.getByRole("group", { name: "Lista de verificación manual" })).getAllByRole("checkbox")).toHaveLength(4);
    expect(screen.getByRole("radio", { name: "Enviar a evaluación" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Registrar la verificación" })).toBeTruthy();
  });

  it("sends the program, the ticked checklist, the outcome and the version it was rendered with", async () => {
    const { calls, action } = recording({ ok: true, data: undefined });
    renderForm(action);
    await tickAll();
    await userEvent.click(screen.getByRole("radio", { name: "Send to review" }));
    await userEvent.click(screen.getByRole("button", { name: "Record the screening" }));
    await waitFor(() =>
      expect(calls).toEqual([
        {
          programId: P1,
          checklist: { narrativeClear: true, costReasonable: true, noProhibitedData: true, nationalOwnership: true },
          outcome: "send_to_review",
          message: undefined,
          expectedVersion: 3,
          requestId: "r1",
        },
      ]),
    );
  });

  it("sending to review with the checklist incomplete is said on the checklist before anything is sent", async () => {
    const { calls, action } = recording({ ok: true, data: undefined });
    renderForm(action);
    await userEvent.click(screen.getByRole("checkbox", { name: tEn("officer.checklist.narrativeClear") }));
    await userEvent.click(screen.getByRole("radio", { name: "Send to review" }));
    await userEvent.click(screen.getByRole("button", { name: "Record the screening" }));
    const group = screen.getByRole("group", { name: tEn("officer.checklist.legend") });
    await waitFor(() => expect(within(group).getByText(tEn("officer.errors.checklistIncomplete"))).toBeTruthy());
    expect(calls).toHaveLength(0);
  });

  it("asks for the message when rejecting, and says a stale page in the alert", async () => {
    const { calls, action } = recording({ ok: false, fieldErrors: { "checklist.narrativeClear": "Tick it." }, formError: "The request changed meanwhile." });
    renderForm(action);
    await userEvent.click(screen.getByRole("radio", { name: tEn("officer.outcomes.reject") }));
    const message = screen.getByLabelText(new RegExp(tEn("officer.screening.messageLabel")));
    expect(message.getAttribute("aria-required")).toBe("true");
    await userEvent.click(screen.getByRole("button", { name: "Record the screening" }));
    await waitFor(() => expect(message.getAttribute("aria-invalid")).toBe("true"));
    expect(calls).toHaveLength(0);
    await userEvent.type(message, "The budget is not explained.");
    await userEvent.click(screen.getByRole("button", { name: "Record the screening" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("The request changed meanwhile."));
    // A message on one item of the checklist stands by the checklist.
    expect(within(screen.getByRole("group", { name: tEn("officer.checklist.legend") })).getByText("Tick it.")).toBeTruthy();
    expect(calls).toHaveLength(1);
  });
});
