// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen } from "@testing-library/react";
import { renderUi } from "@/test/render-ui";
import { TextArea } from "./text-area";
import { TextField } from "./text-field";

afterEach(cleanup);

describe("Field wiring", () => {
  it("labels the control, describes it by its hint, and says it is required", () => {
    renderUi(<TextField label="Full name" hint="As on the passport." required name="name" />);
    const input = screen.getByLabelText(/Full name/);
    expect(input.getAttribute("aria-required")).toBe("true");
    expect(input.getAttribute("aria-invalid")).toBeNull();
    const hint = screen.getByText("As on the passport.");
    expect(input.getAttribute("aria-describedby")).toBe(hint.id);
    expect(screen.getByText("*").getAttribute("aria-hidden")).toBe("true");
  });

  it("with an error: invalid, and described by the hint and the error", () => {
    renderUi(<TextArea label="Memo" hint="Say why." error="Write the memo." name="memo" />);
    const textarea = screen.getByLabelText("Memo");
    expect(textarea.tagName).toBe("TEXTAREA");
    expect(textarea.getAttribute("aria-invalid")).toBe("true");
    const ids = (textarea.getAttribute("aria-describedby") ?? "").split(" ");
    expect(ids).toEqual([screen.getByText("Say why.").id, screen.getByText("Write the memo.").id]);
    expect(textarea.getAttribute("aria-required")).toBeNull();
  });

  it("two fields on one page get distinct ids", () => {
    renderUi(
      <>
        <TextField label="First" error="Bad." />
        <TextField label="Second" error="Bad too." />
      </>,
    );
    const first = screen.getByLabelText("First");
    const second = screen.getByLabelText("Second");
    expect(first.id).not.toBe(second.id);
    expect(first.getAttribute("aria-describedby")).not.toBe(second.getAttribute("aria-describedby"));
  });
});
