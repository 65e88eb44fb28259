// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { AwardFormValues } from "@/lib/awards/schema";
import type { ActionResult } from "@/lib/errors";
import { renderUi, tEn } from "@/test/render-ui";
import { AwardForm, type AwardFormProgramOption } from "./award-form";

afterEach(cleanup);

const REQUEST_ID = "6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const PARTNER_ID = "8f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const PROGRAM: AwardFormProgramOption = {
  id: "7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f",
  nameEn: "OAS Firearms Marking Program",
  nameEs: "Programa de Marcaje de Armas de Fuego de la OEA",
  currency: "USD",
  startsOn: "2009-01-01",
  endsOn: "2027-12-31",
  ceilingMinor: 500_000_000,
  committedMinor: 100_000_000,
  remainingMinor: 400_000_000,
  approvalThresholdMinor: 25_000_000,
  perAwardCapMinor: null,
  isDemoFigures: false,
  isProposed: false,
};

/** A stand-in server action: records what it was sent and answers with the given result. */
function actionReturning(result: ActionResult) {
  const calls: AwardFormValues[] = [];
  const action = async (values: AwardFormValues) => {
    calls.push(values);
    return result;
  };
  return { calls, action };
}

function renderForm(action: (values: AwardFormValues) => Promise<ActionResult>, tranches = [{ amount: "180000", plannedOn: "2026-09-01" }]) {
  return renderUi(
    <AwardForm
      defaultValues={{
        requestId: REQUEST_ID,
        expectedVersion: 3,
        programId: PROGRAM.id,
        implementingPartnerId: "",
        amount: "180000",
        startsOn: "2026-09-01",
        endsOn: "",
        tranches,
        deliverables: [],
      }}
      programs={[PROGRAM]}
      partners={[{ id: PARTNER_ID, name: "OAS" }]}
      cancelHref="/requests/x"
      action={action}
    />,
  );
}

const input = (container: HTMLElement, name: string) => container.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const setValue = (container: HTMLElement, name: string, value: string) => fireEvent.change(input(container, name), { target: { value } });
const submit = () => userEvent.click(screen.getByRole("button", { name: tEn("awards.form.submit") }));

async function fillValidForm(container: HTMLElement) {
  // happy-dom does not take a select's default from react-hook-form (browsers do): choose it as a person would.
  await userEvent.selectOptions(screen.getByLabelText(new RegExp(tEn("awards.form.programLabel"))), PROGRAM.id);
  await userEvent.selectOptions(screen.getByLabelText(new RegExp(tEn("awards.form.partnerLabel"))), PARTNER_ID);
  setValue(container, "endsOn", "2027-06-30");
}

describe("AwardForm in the browser", () => {
  it("sends the request id, its version and the typed values", async () => {
    const { calls, action } = actionReturning({ ok: true, data: undefined });
    const { container } = renderForm(action);
    await fillValidForm(container);
    await userEvent.click(screen.getByRole("button", { name: tEn("awards.form.addDeliverable") }));
    setValue(container, "deliverables.0.title", "Machines installed");
    setValue(container, "deliverables.0.dueOn", "2027-01-15");
    await submit();
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      requestId: REQUEST_ID,
      expectedVersion: 3,
      programId: PROGRAM.id,
      implementingPartnerId: PARTNER_ID,
      amount: "180000",
      startsOn: "2026-09-01",
      endsOn: "2027-06-30",
      tranches: [{ amount: "180000", plannedOn: "2026-09-01" }],
      deliverables: [{ title: "Machines installed", dueOn: "2027-01-15" }],
    });
  });

  it("places the server's messages next to their fields, the first focused, and the rest in the alert", async () => {
    const { action } = actionReturning({
      ok: false,
      formError: "Check the fields.",
      fieldErrors: { amount: "More than the program's remaining funds.", "tranches.0.plannedOn": "Outside the period.", expectedVersion: "The request changed." },
    });
    const { container } = renderForm(action);
    await fillValidForm(container);
    await submit();
    const amount = input(container, "amount");
    await waitFor(() => expect(amount.getAttribute("aria-invalid")).toBe("true"));
    expect(amount.getAttribute("aria-describedby")).toContain(screen.getByText("More than the program's remaining funds.").id);
    expect(document.activeElement).toBe(amount);
    const planned = input(container, "tranches.0.plannedOn");
    expect(planned.getAttribute("aria-describedby")).toContain(screen.getByText("Outside the period.").id);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toBe(`${tEn("awards.form.errorSummaryTitle")} Check the fields. The request changed.`);
  });

  it("checks the tranches in the browser: their sum must match the amount, and nothing is sent until it does", async () => {
    const { calls, action } = actionReturning({ ok: true, data: undefined });
    const { container } = renderForm(action, [{ amount: "100000", plannedOn: "2026-09-01" }]);
    await fillValidForm(container);
    expect(screen.getByTestId("tranches-sum").textContent).toContain("$80,000.00 still to allocate.");
    await submit();
    await waitFor(() => expect(screen.getByText(tEn("awards.errors.tranchesSum"))).toBeTruthy());
    expect(calls).toHaveLength(0);
    const legend = screen.getByText(tEn("awards.form.tranchesLegend"));
    expect(legend.closest("fieldset")!.getAttribute("aria-describedby")).toContain(screen.getByText(tEn("awards.errors.tranchesSum")).id);
    // No message of its own on the list of deliverables, whose rows are all fine.
    expect(screen.getByText(tEn("awards.form.deliverablesLegend")).closest("fieldset")!.querySelector(".field-error")).toBeNull();
    setValue(container, "tranches.0.amount", "180000");
    await waitFor(() => expect(screen.getByTestId("tranches-sum").textContent).toContain(tEn("awards.form.tranchesMatch")));
    await submit();
    await waitFor(() => expect(calls).toHaveLength(1));
  });

  it("adds a tranche with what is left to allocate, and the last one cannot be removed", async () => {
    const { container } = renderForm(actionReturning({ ok: true, data: undefined }).action, [{ amount: "100000.50", plannedOn: "2026-09-01" }]);
    const removeFirst = screen.getByRole("button", { name: tEn("awards.form.removeTranche", { number: 1 }) });
    expect((removeFirst as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: tEn("awards.form.addTranche") }));
    const second = screen.getByRole("group", { name: tEn("awards.form.tranche", { number: 2 }) });
    expect(within(second).getAllByRole("textbox")[0]).toBe(input(container, "tranches.1.amount"));
    expect(input(container, "tranches.1.amount").value).toBe("79999.50");
    expect(screen.getByTestId("tranches-sum").textContent).toContain(tEn("awards.form.tranchesMatch"));
    expect((removeFirst as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: tEn("awards.form.removeTranche", { number: 2 }) }));
    expect(input(container, "tranches.1.amount")).toBeNull();
    expect(screen.getByTestId("tranches-sum").textContent).toContain("$79,999.50 still to allocate.");
  });

  it("reads in Spanish", () => {
    renderUi(
      <AwardForm
        defaultValues={{ requestId: REQUEST_ID, expectedVersion: 1, programId: "", implementingPartnerId: "", amount: "", startsOn: "", endsOn: "", tranches: [{ amount: "", plannedOn: "" }], deliverables: [] }}
        programs={[PROGRAM]}
        partners={[]}
        cancelHref="/requests/x"
        action={actionReturning({ ok: true, data: undefined }).action}
      />,
      "es",
    );
    expect(screen.getByRole("button", { name: "Crear subvención" })).toBeTruthy();
    expect(screen.getByRole("option", { name: /Programa de Marcaje de Armas de Fuego de la OEA/ })).toBeTruthy();
  });
});
