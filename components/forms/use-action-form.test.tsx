// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { z } from "zod";
import { FormAlert, FormSaved } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors";
import "@/lib/forms/zod";
import { renderUi, tEn } from "@/test/render-ui";
import { useActionForm } from "./use-action-form";

const listSchema = z
  .object({ items: z.array(z.object({ note: z.string().trim().min(1, "officer.errors.memoRequired") })), version: z.number() })
  .strict();
type ListValues = z.infer<typeof listSchema>;

/** A form whose fields are items of a list ("items.0.note"), with a version that has no field. */
function ListForm({ action, fields }: { action: (values: ListValues) => Promise<ActionResult>; fields: string[] }) {
  const form = useActionForm<ListValues>({ schema: listSchema, action, defaultValues: { items: [{ note: "" }, { note: "" }], version: 1 }, fields });
  return (
    <form {...form.formProps} data-testid="form">
      <FormAlert message={form.formError} target={form.alertTarget} />
      <TextField label="First" {...form.field("items.0.note")} />
      <TextField label="Second" {...form.field("items.1.note")} />
      {fields.includes("items") ? <p data-testid="items-error">{form.fieldError("items")}</p> : null}
      <SubmitButton busy={form.busy} busyLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}

afterEach(cleanup);

const schema = z.object({ title: z.string().trim().min(1, "officer.errors.memoRequired"), amount: z.string() }).strict();
type Values = z.infer<typeof schema>;

function TestForm({
  action,
  resetOnSuccess = true,
  focusOnError,
}: {
  action: (values: Values) => Promise<ActionResult>;
  resetOnSuccess?: boolean;
  focusOnError?: "field" | "alert";
}) {
  const form = useActionForm<Values>({ schema, action, defaultValues: { title: "", amount: "" }, resetOnSuccess, focusOnError });
  return (
    <form {...form.formProps} data-testid="form">
      <FormAlert message={form.formError} target={form.alertTarget} />
      <FormSaved saved={form.saved}>Saved.</FormSaved>
      <TextField label="Title" required {...form.field("title")} />
      <TextField label="Amount" {...form.field("amount")} />
      <SubmitButton busy={form.busy} busyLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}

/** A stand-in server action: records what it was sent and answers with the given result. */
function actionReturning<V = Values>(result: ActionResult) {
  const calls: V[] = [];
  const action = async (values: V) => {
    calls.push(values);
    return result;
  };
  return { calls, action };
}

describe("useActionForm", () => {
  it("checks in the browser first: nothing is sent, the translated message stands next to the field", async () => {
    const { calls, action } = actionReturning({ ok: true, data: undefined });
    renderUi(<TestForm action={action} />);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    const title = screen.getByLabelText(/Title/);
    await waitFor(() => expect(title.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText(tEn("officer.errors.memoRequired"))).toBeTruthy();
    expect(document.activeElement).toBe(title);
    expect(screen.getByRole("alert").textContent).toBe(tEn("common.errors.invalidInput"));
    expect(calls).toHaveLength(0);
  });

  it("places server messages next to their fields, focuses the first, and joins the rest into the alert", async () => {
    const { calls, action } = actionReturning({ ok: false, formError: "Refused.", fieldErrors: { amount: "Too much.", awardId: "Unknown award." } });
    renderUi(<TestForm action={action} />);
    await userEvent.type(screen.getByLabelText(/Title/), "A title");
    await userEvent.type(screen.getByLabelText("Amount"), "90");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    const amount = screen.getByLabelText("Amount");
    await waitFor(() => expect(amount.getAttribute("aria-invalid")).toBe("true"));
    const error = screen.getByText("Too much.");
    expect(amount.getAttribute("aria-describedby")).toContain(error.id);
    expect(document.activeElement).toBe(amount);
    expect(screen.getByRole("alert").textContent).toBe("Refused. Unknown award.");
    expect(calls).toEqual([{ title: "A title", amount: "90" }]);
  });

  it("with no field to stand next to, the alert gets the message and the focus", async () => {
    const { action } = actionReturning({ ok: false, formError: "The request changed meanwhile." });
    renderUi(<TestForm action={action} />);
    await userEvent.type(screen.getByLabelText(/Title/), "A title");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    const alert = await screen.findByText("The request changed meanwhile.");
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(screen.getByLabelText("Amount").getAttribute("aria-invalid")).toBeNull();
  });

  it("sends once when submitted twice while the first is in flight, and says it is busy", async () => {
    const calls: Values[] = [];
    let finish: (result: ActionResult) => void = () => {};
    const action = (values: Values) => {
      calls.push(values);
      return new Promise<ActionResult>((resolve) => (finish = resolve));
    };
    renderUi(<TestForm action={action} />);
    await userEvent.type(screen.getByLabelText(/Title/), "Once");
    const form = screen.getByTestId("form");
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(screen.getByRole("button", { name: "Saving…" })).toBeTruthy());
    fireEvent.submit(form);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toHaveLength(1);
    expect(form.getAttribute("aria-busy")).toBe("true");
    finish({ ok: true, data: undefined });
    await screen.findByText("Saved.");
    expect(calls).toHaveLength(1);
  });

  it("on success says so and starts again from the defaults", async () => {
    const { calls, action } = actionReturning({ ok: true, data: undefined });
    renderUi(<TestForm action={action} />);
    const title = screen.getByLabelText(/Title/) as HTMLInputElement;
    await userEvent.type(title, "Kept for a moment");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Saved.");
    expect(title.value).toBe("");
    expect(calls).toEqual([{ title: "Kept for a moment", amount: "" }]);
    expect(screen.getByTestId("form").getAttribute("data-hydrated")).toBe("true");
  });

  it("keeps the values after success when not told to reset", async () => {
    const { action } = actionReturning({ ok: true, data: undefined });
    renderUi(<TestForm action={action} resetOnSuccess={false} />);
    const title = screen.getByLabelText(/Title/) as HTMLInputElement;
    await userEvent.type(title, "Stays");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Saved.");
    expect(title.value).toBe("Stays");
  });

  it("places messages on items of a list next to them, and only the generic one in the alert", async () => {
    const { calls, action } = actionReturning<ListValues>({ ok: false, fieldErrors: { "items.1.note": "Say more.", version: "Reload the page." } });
    renderUi(<ListForm action={action} fields={["items.0.note", "items.1.note"]} />);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getAllByText(tEn("officer.errors.memoRequired"))).toHaveLength(2));
    // The browser's check: the items' own messages are not repeated in the alert.
    expect(screen.getByRole("alert").textContent).toBe(tEn("common.errors.invalidInput"));
    expect(calls).toHaveLength(0);
    await userEvent.type(screen.getByLabelText("First"), "One");
    await userEvent.type(screen.getByLabelText("Second"), "Two");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    const second = screen.getByLabelText("Second");
    await waitFor(() => expect(second.getAttribute("aria-invalid")).toBe("true"));
    expect(second.getAttribute("aria-describedby")).toContain(screen.getByText("Say more.").id);
    expect(screen.getByLabelText("First").getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByRole("alert").textContent).toBe("Reload the page.");
  });

  it("a group field takes the first message on any path beneath it", async () => {
    const { action } = actionReturning<ListValues>({ ok: false, fieldErrors: { "items.1.note": "Item two is wrong.", "items.0.note": "Item one is wrong." } });
    renderUi(<ListForm action={action} fields={["items"]} />);
    await userEvent.type(screen.getByLabelText("First"), "One");
    await userEvent.type(screen.getByLabelText("Second"), "Two");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByTestId("items-error").textContent).toBe("Item two is wrong."));
    expect(screen.getByRole("alert").textContent).toBe(tEn("common.errors.invalidInput"));
  });

  it("with focus on the alert (an error summary), a failed check or a refused field focuses the alert, not the field", async () => {
    const { action } = actionReturning({ ok: false, fieldErrors: { amount: "Too much." } });
    renderUi(<TestForm action={action} focusOnError="alert" />);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    const alert = screen.getByRole("alert");
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(screen.getByLabelText(/Title/).getAttribute("aria-invalid")).toBe("true");

    await userEvent.type(screen.getByLabelText(/Title/), "A title");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByLabelText("Amount").getAttribute("aria-invalid")).toBe("true"));
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });
});
