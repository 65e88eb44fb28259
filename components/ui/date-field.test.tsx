// @vitest-environment happy-dom
// The date field before and after its React Aria picker has loaded (the choices test covers the picker in a
// form). Its own file: the picker is loaded once per module instance, and here it has not been yet.
import { afterEach, describe, expect, it } from "vitest";
import { useState } from "react";
import { renderToString } from "react-dom/server";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { catalogs } from "@/lib/i18n/messages";
import { renderUi } from "@/test/render-ui";
import { DateField } from "./date-field";

afterEach(cleanup);

function Dated({ initial = "" }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <form>
      <DateField label="Due on" name="dueOn" hint="The day it is due." value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
      <button type="button">Elsewhere</button>
    </form>
  );
}

describe("DateField", () => {
  it("the server's HTML has the browser's own date input, labelled, described, named and with the value", () => {
    const html = renderToString(
      <I18nProvider locale="en" messages={catalogs.en}>
        <Dated initial="2026-03-09" />
      </I18nProvider>,
    );
    expect(html).toMatch(/<input[^>]*type="date"/);
    expect(html).toContain('name="dueOn"');
    expect(html).toContain('value="2026-03-09"');
    expect(html).toContain("The day it is due.");
    expect(html).not.toContain("spinbutton");
  });

  it("what is typed in the native input stays; the picker takes over only once the input has lost the focus", async () => {
    renderUi(<Dated />);
    const native = screen.getByLabelText("Due on") as HTMLInputElement;
    expect(native.type).toBe("date");
    await userEvent.click(native);
    fireEvent.change(native, { target: { value: "2026-11-30" } });
    expect(screen.getByTestId("value").textContent).toBe("2026-11-30");
    // The picker's chunk arrives while the input has the focus: the input stays under the cursor.
    await import("./date-picker");
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.getByLabelText("Due on")).toBe(native);
    await userEvent.click(screen.getByRole("button", { name: "Elsewhere" }));
    const segments = await screen.findAllByRole("spinbutton", {}, { timeout: 5000 });
    expect(segments.map((s) => s.getAttribute("aria-valuenow"))).toEqual(["11", "30", "2026"]);
    await waitFor(() => expect(screen.queryByRole("textbox", { name: "Due on" })).toBeNull());
  });
});
