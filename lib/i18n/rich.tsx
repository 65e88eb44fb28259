// Messages with markup in the middle of a sentence ("… arrive in the <link>demo mailbox</link>."), so that
// translators keep the whole sentence and place the link or the bold where their language puts it.
// Plain React, no server or client imports: server pages and client components both render it.
import { createElement, Fragment, type ReactNode } from "react";
import type { MessageKey, MessageParams, Translate } from "./translate";
import { interpolate } from "./translator";

/** What each tag of a message renders its content as, e.g. `{ link: (chunks) => <Link href="/x">{chunks}</Link> }`. */
export type RichTags = Readonly<Record<string, (chunks: ReactNode) => ReactNode>>;
export type RichTranslate = (key: MessageKey, params: MessageParams | undefined, tags: RichTags) => ReactNode;

const TAG = /<(\/?)([a-zA-Z][\w-]*)>/g;

type Node = string | { tag: string; children: Node[] };

/**
 * The message's template as a tree: text and `<tag>…</tag>` elements, which may nest. A tag that is not
 * closed, or closed out of order, stays in the text as written, so a mistake in a catalog shows
 * instead of swallowing words.
 */
function parse(template: string): Node[] {
  const root: { tag: string; children: Node[]; open: string }[] = [{ tag: "", children: [], open: "" }];
  let last = 0;
  for (const match of template.matchAll(TAG)) {
    const [token, closing, name] = match;
    const text = template.slice(last, match.index);
    if (text) root[root.length - 1].children.push(text);
    last = match.index + token.length;
    const top = root[root.length - 1];
    if (!closing) {
      root.push({ tag: name, children: [], open: token });
    } else if (root.length > 1 && top.tag === name) {
      root.pop();
      root[root.length - 1].children.push({ tag: top.tag, children: top.children });
    } else {
      top.children.push(token);
    }
  }
  const rest = template.slice(last);
  if (rest) root[root.length - 1].children.push(rest);
  // Unclosed tags: their opening token goes back into the text, followed by what they held.
  while (root.length > 1) {
    const open = root.pop()!;
    root[root.length - 1].children.push(open.open, ...open.children);
  }
  return root[0].children;
}

function render(nodes: Node[], params: MessageParams | undefined, tags: RichTags): ReactNode[] {
  return nodes.map((node) => {
    // Parameters are filled into the text only after the markup is read: a value never becomes a tag.
    if (typeof node === "string") return interpolate(node, params);
    const chunks = createElement(Fragment, null, ...render(node.children, params, tags));
    const wrap = Object.prototype.hasOwnProperty.call(tags, node.tag) ? tags[node.tag] : undefined;
    // A tag the caller did not give renders its words without markup rather than losing them.
    return wrap ? wrap(chunks) : chunks;
  });
}

/** A message with markup, as React nodes: each `<tag>…</tag>` rendered by `tags[tag]`, `{params}` filled in. */
export function rich(t: Translate, key: MessageKey, params: MessageParams | undefined, tags: RichTags): ReactNode {
  // t() without parameters returns the template with its {placeholders} still in it.
  return createElement(Fragment, null, ...render(parse(t(key)), params, tags));
}

/** rich() bound to a translator: what getI18n() and useI18n() hand out as `tRich`. */
export function richTranslator(t: Translate): RichTranslate {
  return (key, params, tags) => rich(t, key, params, tags);
}
