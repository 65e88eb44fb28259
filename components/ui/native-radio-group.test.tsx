// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/errors";
import "@/lib/forms/zod";
import { renderUi } from "@/test/render-ui";
import { SubmitButton } from "./button";
import { FormAlert } from "./form-alert";
import { NativeRadioGroup } from "./native-radio-group";

afterEach(cleanup);

const schema = z.object({ size: z.enum(["s", "m", "l"], "Choose a size.") });
type Values = { size: "s" | "m" | "l" | "" };

function SizeForm({ action }: { action: (values: Values) => Promise<ActionResult> }) {
  const form = useActionForm<Values>({ schema, action, defaultValues: { size: "" } });
  return (
    <form {...form.formProps}>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <NativeRadioGroup
        label="Size"
        hint="As on the label."
        horizontal
        options={[
          { value: "s", label: "Small", hint: "Up to 40 cm." },
          { value: "m", label: "Medium" },
          { value: "l", label: "Large", disabled: true },
        ]}
        {...form.field("size")}
      />
      <SubmitButton busy={form.busy} busyLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}

describe("NativeRadioGroup", () => {
  it("is a group named by its legend; an option is named by its label alone and described by its hint", () => {
    renderUi(<SizeForm action={async () => ({ ok: true, data: undefined })} />);
    const group = screen.getByRole("group", { name: "Size" });
    const small = within(group).getByRole("radio", { name: "Small" });
    expect(small.getAttribute("aria-describedby")).toBe(screen.getByText("Up to 40 cm.").id);
    expect(within(group).getByRole("radio", { name: "Medium" }).getAttribute("aria-describedby")).toBeNull();
    expect((within(group).getByRole("radio", { name: "Large" }) as HTMLInputElement).disabled).toBe(true);
    expect(group.getAttribute("aria-describedby")).toBe(screen.getByText("As on the label.").id);
  });

  it("sends the chosen value; its message stands in the group, which it describes", async () => {
    const sent: Values[] = [];
    renderUi(
      <SizeForm
        action={async (values) => {
          sent.push(values);
          return { ok: true, data: undefined };
        }}
      />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    const group = screen.getByRole("group", { name: "Size" });
    const error = await within(group).findByText("Choose a size.");
    expect(group.getAttribute("aria-describedby")).toContain(error.id);
    expect(sent).toHaveLength(0);
    await userEvent.click(screen.getByRole("radio", { name: "Medium" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(sent).toEqual([{ size: "m" }]));
  });
});
