// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/errors";
import "@/lib/forms/zod";
import { renderUi } from "@/test/render-ui";
import { SubmitButton } from "./button";
import { Checkbox, CheckboxGroup } from "./checkbox";

afterEach(cleanup);

function Consent({ error, onChange }: { error?: string; onChange: (v: boolean) => void }) {
  const [value, setValue] = useState(false);
  return (
    <form>
      <Checkbox
        name="consent"
        value={value}
        error={error}
        onChange={(v) => {
          setValue(v);
          onChange(v);
        }}
      >
        I agree to the terms
      </Checkbox>
    </form>
  );
}

const CATEGORIES = [
  { value: "marking", label: "Marking equipment", hint: "Machines that mark firearms." },
  { value: "training", label: "Training" },
  { value: "destruction", label: "Destruction", disabled: true },
];

function Categories({ initial = [], error, onChange }: { initial?: string[]; error?: string; onChange: (v: string[]) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <form>
      <CheckboxGroup
        label="Categories"
        name="categories"
        hint="Choose every one that applies."
        options={CATEGORIES}
        value={value}
        error={error}
        required
        onChange={(v) => {
          setValue(v);
          onChange(v);
        }}
      />
    </form>
  );
}

describe("Checkbox", () => {
  it("is named by its label; clicking it or pressing Space toggles it", async () => {
    const changes: boolean[] = [];
    renderUi(<Consent onChange={(v) => changes.push(v)} />);
    const box = screen.getByRole("checkbox", { name: "I agree to the terms" }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await userEvent.click(screen.getByText("I agree to the terms"));
    expect(box.checked).toBe(true);
    await userEvent.keyboard(" ");
    expect(box.checked).toBe(false);
    expect(changes).toEqual([true, false]);
    await userEvent.click(box);
    expect(new FormData(document.querySelector("form")!).get("consent")).toBe("on");
  });

  it("shows its error and announces it through aria-describedby", () => {
    renderUi(<Consent error="You must agree." onChange={() => {}} />);
    const box = screen.getByRole("checkbox", { name: "I agree to the terms" });
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(box.getAttribute("aria-describedby")).toBe(screen.getByText("You must agree.").id);
  });

  it("is described by nothing without an error", () => {
    renderUi(<Consent onChange={() => {}} />);
    expect(screen.getByRole("checkbox", { name: "I agree to the terms" }).getAttribute("aria-describedby")).toBeNull();
  });
});

function ConsentForm({ action }: { action: (values: { consent: boolean }) => Promise<ActionResult> }) {
  const form = useActionForm<{ consent: boolean }>({ schema: z.object({ consent: z.boolean() }), action, defaultValues: { consent: false } });
  return (
    <form {...form.formProps}>
      <Controller
        control={form.control}
        name="consent"
        render={({ field }) => (
          <Checkbox {...field} error={form.fieldError("consent")}>
            I agree to the terms
          </Checkbox>
        )}
      />
      <SubmitButton busy={form.busy} busyLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}

describe("Checkbox in a form", () => {
  it("a server message on the box stands below it, describes it and focuses it", async () => {
    renderUi(<ConsentForm action={async () => ({ ok: false, fieldErrors: { consent: "You must agree." } })} />);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    const message = await screen.findByText("You must agree.");
    const box = screen.getByRole("checkbox", { name: "I agree to the terms" });
    expect(box.getAttribute("aria-describedby")).toBe(message.id);
    await waitFor(() => expect(document.activeElement).toBe(box));
  });
});

describe("CheckboxGroup", () => {
  it("is a group named by its label and described by its hint; each box is named by its option", () => {
    renderUi(<Categories onChange={() => {}} />);
    const group = screen.getByRole("group", { name: /Categories/ });
    expect(group.getAttribute("aria-describedby")).toContain(screen.getByText("Choose every one that applies.").id);
    expect(within(group).getAllByRole("checkbox").map((b) => b.getAttribute("name"))).toEqual(["categories", "categories", "categories"]);
    expect(within(group).getByRole("checkbox", { name: "Marking equipment" })).toBeTruthy();
    expect((within(group).getByRole("checkbox", { name: "Destruction" }) as HTMLInputElement).disabled).toBe(true);
  });

  it("choosing options sends the chosen values, in the order they were chosen", async () => {
    const changes: string[][] = [];
    renderUi(<Categories initial={["training"]} onChange={(v) => changes.push(v)} />);
    expect((screen.getByRole("checkbox", { name: "Training" }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole("checkbox", { name: "Marking equipment" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Training" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Destruction" }));
    expect(changes).toEqual([["training", "marking"], ["marking"]]);
    expect(new FormData(document.querySelector("form")!).getAll("categories")).toEqual(["marking"]);
  });

  it("announces the error through aria-describedby", () => {
    renderUi(<Categories error="Choose at least one category." onChange={() => {}} />);
    const group = screen.getByRole("group", { name: /Categories/ });
    expect(within(group).getByText("Choose at least one category.")).toBeTruthy();
    expect(group.getAttribute("aria-describedby")).toContain(screen.getByText("Choose at least one category.").id);
  });
});
