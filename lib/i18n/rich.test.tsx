import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { rich } from "./rich";
import { createTranslator, type Translate } from "./translate";
import { translatorFrom } from "./translator";

const html = (node: React.ReactNode) => renderToStaticMarkup(<>{node}</>);
const link = (chunks: React.ReactNode) => <a href="https://example.org/help">{chunks}</a>;
const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
/** A translator over one message, for the parser's edge cases. */
const one = (text: string): Translate => translatorFrom({ m: text });
const m = "m" as Parameters<Translate>[0];

describe("rich", () => {
  it("renders a tag in the middle of a sentence as the element the caller gives, in both languages", () => {
    expect(html(rich(createTranslator("en"), "auth.demo.mailboxHint", undefined, { link }))).toBe(
      'Sign-in links sent in demo mode arrive in the <a href="https://example.org/help">demo mailbox</a>.',
    );
    expect(html(rich(createTranslator("es"), "auth.demo.mailboxHint", undefined, { link }))).toBe(
      'Los enlaces de acceso enviados en modo de demostración llegan al <a href="https://example.org/help">buzón de demostración</a>.',
    );
  });

  it("fills placeholders inside and outside tags, and never reads a value as markup", () => {
    const t = one("Hello <strong>{name}</strong>, see <link>{what}</link>.");
    expect(html(rich(t, m, { name: "<link>Ana</link>", what: "the list" }, { strong, link }))).toBe(
      'Hello <strong>&lt;link&gt;Ana&lt;/link&gt;</strong>, see <a href="https://example.org/help">the list</a>.',
    );
  });

  it("nests tags", () => {
    expect(html(rich(one("a <link>b <strong>c</strong> d</link> e"), m, undefined, { link, strong }))).toBe('a <a href="https://example.org/help">b <strong>c</strong> d</a> e');
  });

  it("keeps the words of a tag the caller did not give, without markup", () => {
    expect(html(rich(one("see <link>the list</link>"), m, undefined, {}))).toBe("see the list");
    expect(html(rich(one("see <constructor>x</constructor>"), m, undefined, {}))).toBe("see x");
  });

  it("leaves a tag that is not closed, or a closing tag out of order, in the text as written", () => {
    expect(html(rich(one("a <link>b"), m, undefined, { link }))).toBe("a &lt;link&gt;b");
    expect(html(rich(one("a </link> b"), m, undefined, { link }))).toBe("a &lt;/link&gt; b");
    expect(html(rich(one("<link>a <strong>b</link> c</strong>"), m, undefined, { link, strong }))).toBe(
      "&lt;link&gt;a <strong>b&lt;/link&gt; c</strong>",
    );
  });

  it("renders a message without tags as its text", () => {
    expect(html(rich(createTranslator("en"), "common.signedInAs", { name: "Ana" }, {}))).toBe("Signed in as Ana");
  });
});
