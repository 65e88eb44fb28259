// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { renderUi } from "@/test/render-ui";
import { ComboBox } from "./combo-box";
import { Select } from "./select";

afterEach(cleanup);

const COUNTRIES = [
  { value: "MX", label: "Mexico" },
  { value: "GT", label: "Guatemala" },
  { value: "HN", label: "Honduras" },
];

function Chosen({ kind, initial = "", error, hint, onChange }: { kind: "select" | "combo"; initial?: string; error?: string; hint?: string; onChange: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  const props = {
    label: "Country",
    name: "country",
    options: COUNTRIES,
    value,
    error,
    hint,
    required: true,
    onChange: (v: string) => {
      setValue(v);
      onChange(v);
    },
  };
  return <form>{kind === "select" ? <Select {...props} /> : <ComboBox {...props} />}</form>;
}

describe("Select", () => {
  it("the label names the control, and choosing an option sends its value", async () => {
    const chosen: string[] = [];
    renderUi(<Chosen kind="select" onChange={(v) => chosen.push(v)} />);
    const trigger = screen.getByRole("button", { name: /Country/ });
    expect(trigger.textContent).toContain("Choose…");
    await userEvent.click(trigger);
    const listbox = await screen.findByRole("listbox");
    await userEvent.click(within(listbox).getByRole("option", { name: "Guatemala" }));
    expect(chosen).toEqual(["GT"]);
    await waitFor(() => expect(screen.queryByRole("listbox")).toBeNull());
    expect(screen.getByRole("button", { name: /Country/ }).textContent).toContain("Guatemala");
    // The form gets the value under the field's name.
    const form = document.querySelector("form")!;
    expect(new FormData(form).get("country")).toBe("GT");
  });

  it("shows the chosen value and chooses by typing its name", async () => {
    const chosen: string[] = [];
    renderUi(<Chosen kind="select" initial="MX" onChange={(v) => chosen.push(v)} />);
    const trigger = screen.getByRole("button", { name: /Country/ });
    expect(trigger.textContent).toContain("Mexico");
    await userEvent.tab();
    expect(document.activeElement).toBe(trigger);
    // Typing a name on the closed control chooses it, as a native select does.
    await userEvent.keyboard("Hon");
    expect(chosen.at(-1)).toBe("HN");
    expect(trigger.textContent).toContain("Honduras");
    await userEvent.keyboard("{Enter}");
    const listbox = await screen.findByRole("listbox");
    expect(within(listbox).getByRole("option", { name: "Honduras" }).getAttribute("aria-selected")).toBe("true");
  });

  it("announces the hint and the error through aria-describedby", () => {
    renderUi(<Chosen kind="select" hint="Where the equipment goes." error="Choose a country." onChange={() => {}} />);
    const trigger = screen.getByRole("button", { name: /Country/ });
    const describedBy = trigger.getAttribute("aria-describedby") ?? "";
    expect(describedBy).toContain(screen.getByText("Choose a country.").id);
    expect(describedBy).toContain(screen.getByText("Where the equipment goes.").id);
  });
});

describe("ComboBox", () => {
  it("the label names the input; typing filters and choosing sends the value", async () => {
    const chosen: string[] = [];
    renderUi(<Chosen kind="combo" onChange={(v) => chosen.push(v)} />);
    const input = screen.getByRole("combobox", { name: /Country/ });
    await userEvent.type(input, "gua");
    const listbox = await screen.findByRole("listbox");
    expect(within(listbox).getAllByRole("option").map((o) => o.textContent)).toEqual(["Guatemala"]);
    await userEvent.click(within(listbox).getByRole("option", { name: "Guatemala" }));
    expect(chosen).toEqual(["GT"]);
    expect((input as HTMLInputElement).value).toBe("Guatemala");
    // The form gets the key, not the label.
    expect(new FormData(document.querySelector("form")!).get("country")).toBe("GT");
  });

  it("says so when nothing matches", async () => {
    renderUi(<Chosen kind="combo" onChange={() => {}} />);
    await userEvent.type(screen.getByRole("combobox", { name: /Country/ }), "zzz");
    const listbox = await screen.findByRole("listbox");
    expect(within(listbox).queryByRole("option", { name: /Mexico|Guatemala|Honduras/ })).toBeNull();
    expect(listbox.textContent).toContain("No matching option.");
  });

  it("announces the error through aria-describedby and marks the input invalid", () => {
    renderUi(<Chosen kind="combo" error="Choose a country." onChange={() => {}} />);
    const input = screen.getByRole("combobox", { name: /Country/ });
    expect(input.getAttribute("aria-describedby")).toContain(screen.getByText("Choose a country.").id);
    expect(input.getAttribute("aria-invalid")).toBe("true");
  });
});
