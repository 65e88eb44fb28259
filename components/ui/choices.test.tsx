// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/errors";
import "@/lib/forms/zod";
import { renderUi } from "@/test/render-ui";
import { SubmitButton } from "./button";
import { DateField } from "./date-field";
import { FormAlert } from "./form-alert";
import { RadioGroup } from "./radio-group";

afterEach(cleanup);
// The date field's picker is imported on demand; transforming it once here keeps that out of the tests' time.
beforeAll(() => import("./date-picker"), 30_000);

const schema = z.object({ decision: z.enum(["approve", "reject"]), dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
type Values = { decision: "approve" | "reject" | ""; dueOn: string };

function ChoiceForm({ action, dueOn = "" }: { action: (values: Values) => Promise<ActionResult>; dueOn?: string }) {
  const form = useActionForm<Values>({ schema, action, defaultValues: { decision: "", dueOn } });
  return (
    <form {...form.formProps}>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <Controller
        control={form.control}
        name="decision"
        render={({ field }) => (
          <RadioGroup
            {...field}
            label="Decision"
            error={form.fieldError("decision")}
            options={[
              { value: "approve", label: "Approve", hint: "The state is told." },
              { value: "reject", label: "Reject" },
            ]}
          />
        )}
      />
      <Controller control={form.control} name="dueOn" render={({ field }) => <DateField {...field} label="Due on" error={form.fieldError("dueOn")} />} />
      <SubmitButton busy={form.busy} busyLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}

describe("RadioGroup and DateField in a form", () => {
  it("radios are named by their label alone and described by their hint; the group by its label", () => {
    renderUi(<ChoiceForm action={async () => ({ ok: true, data: undefined })} />);
    const group = screen.getByRole("radiogroup", { name: "Decision" });
    const approve = within(group).getByRole("radio", { name: "Approve" });
    expect(approve.getAttribute("aria-describedby")).toBe(screen.getByText("The state is told.").id);
    expect(within(group).getByRole("radio", { name: "Reject" }).getAttribute("aria-describedby")).toBeNull();
  });

  it("sends the chosen value and the date as yyyy-mm-dd", async () => {
    const sent: Values[] = [];
    renderUi(
      <ChoiceForm
        dueOn="2026-03-09"
        action={async (values) => {
          sent.push(values);
          return { ok: true, data: undefined };
        }}
      />,
    );
    await userEvent.click(screen.getByRole("radio", { name: "Reject" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(sent).toEqual([{ decision: "reject", dueOn: "2026-03-09" }]));
    // The date field (once its picker has loaded) shows the value in segments and sends it under its name.
    expect((await screen.findAllByRole("spinbutton", {}, { timeout: 5000 })).map((s) => s.getAttribute("aria-valuenow"))).toEqual(["3", "9", "2026"]);
  });

  it("a server message on the choice stands in the group and focuses a radio", async () => {
    renderUi(<ChoiceForm dueOn="2026-03-09" action={async () => ({ ok: false, fieldErrors: { decision: "Choose a decision." } })} />);
    await userEvent.click(screen.getByRole("radio", { name: "Approve" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    const group = screen.getByRole("radiogroup", { name: "Decision" });
    await waitFor(() => expect(within(group).getByText("Choose a decision.")).toBeTruthy());
    expect(group.getAttribute("aria-describedby")).toContain(screen.getByText("Choose a decision.").id);
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: "Approve" }));
  });
});
