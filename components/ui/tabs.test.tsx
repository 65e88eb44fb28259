// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderUi } from "@/test/render-ui";
import { Tabs } from "./tabs";

afterEach(cleanup);

const TABS = [
  { id: "money", label: "Money", content: <p>Committed and disbursed</p> },
  { id: "reports", label: "Reports", content: <p>Accepted reports</p> },
  { id: "awards", label: "Awards", content: <p>Every award</p> },
];

describe("Tabs", () => {
  it("names the tab list, shows the chosen tab's panel labelled by its tab", () => {
    renderUi(<Tabs label="Program sections" tabs={TABS} defaultSelected="reports" />);
    const list = screen.getByRole("tablist", { name: "Program sections" });
    expect(within(list).getAllByRole("tab").map((t) => t.textContent)).toEqual(["Money", "Reports", "Awards"]);
    const reports = within(list).getByRole("tab", { name: "Reports" });
    expect(reports.getAttribute("aria-selected")).toBe("true");
    const panel = screen.getByRole("tabpanel", { name: "Reports" });
    expect(panel.textContent).toBe("Accepted reports");
    expect(reports.getAttribute("aria-controls")).toBe(panel.id);
    expect(screen.queryByText("Committed and disbursed")).toBeNull();
  });

  it("arrow keys move between tabs and show their panels; a click chooses one too", async () => {
    const chosen: string[] = [];
    renderUi(<Tabs label="Program sections" tabs={TABS} onSelect={(id) => chosen.push(id)} />);
    const tab = (name: string) => screen.getByRole("tab", { name });
    expect(tab("Money").getAttribute("aria-selected")).toBe("true");
    chosen.length = 0; // React Aria reports the first tab chosen by default too
    await userEvent.tab();
    expect(document.activeElement).toBe(tab("Money"));
    await userEvent.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(tab("Reports"));
    expect(tab("Reports").getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel").textContent).toBe("Accepted reports");
    await userEvent.keyboard("{ArrowRight}{ArrowRight}");
    expect(document.activeElement).toBe(tab("Money")); // wraps around
    await userEvent.keyboard("{End}");
    expect(screen.getByRole("tabpanel").textContent).toBe("Every award");
    await userEvent.click(tab("Reports"));
    expect(screen.getByRole("tabpanel").textContent).toBe("Accepted reports");
    expect(chosen).toEqual(["reports", "awards", "money", "awards", "reports"]);
  });

  it("a controlled tab follows what the page chooses", () => {
    const { rerender } = renderUi(<Tabs label="Program sections" tabs={TABS} selected="awards" onSelect={() => {}} />);
    expect(screen.getByRole("tabpanel").textContent).toBe("Every award");
    rerender(<Tabs label="Program sections" tabs={TABS} selected="money" onSelect={() => {}} />);
    expect(screen.getByRole("tabpanel").textContent).toBe("Committed and disbursed");
  });
});
