import { describe, expect, it } from "vitest";
import { select } from "./select";
import { createTranslator, type Translate } from "./translate";
import { translatorFrom } from "./translator";

describe("select", () => {
  const en = createTranslator("en");
  const es = createTranslator("es");

  it("picks the form for the value and fills its placeholders, in both languages", () => {
    expect(select(en, "email.workflow.deliverable.subject", "accept", { reference: "AW-7" })).toBe("Deliverable accepted on award AW-7");
    expect(select(en, "email.workflow.deliverable.subject", "return", { reference: "AW-7" })).toBe("Deliverable returned on award AW-7");
    expect(select(es, "email.workflow.deliverable.body", "accept", { reference: "AW-7", title: "Acta" })).toBe(
      "La oficina de programa aceptó el producto «Acta» de la subvención AW-7.",
    );
    expect(select(es, "email.workflow.deliverable.body", "return", { reference: "AW-7", title: "Acta" })).toMatch(/^La oficina de programa devolvió el producto «Acta»/);
  });

  it("falls back to the group's `other` form for a value without its own, else shows the missing key", () => {
    const t: Translate = translatorFrom({ status: { draft: "A draft", other: "In progress ({n})" } });
    const run = select as unknown as (t: Translate, key: string, value: string, params?: Record<string, string>) => string;
    expect(run(t, "status", "draft")).toBe("A draft");
    expect(run(t, "status", "submitted", { n: "2" })).toBe("In progress (2)");
    expect(run(translatorFrom({ status: { draft: "A draft" } }), "status", "submitted")).toBe("status.submitted");
  });
});
