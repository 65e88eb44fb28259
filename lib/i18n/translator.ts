// Translating from one catalog, with no catalog imported: what client components use, so that the
// browser gets only its own language's messages, and of those only the areas its page's client
// components use (passed down by <ClientMessages>, components/i18n/client-messages.tsx).
import type { MessageTree } from "./define";
import type { MessageParams, Translate } from "./translate";

export function lookup(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Replaces {name} placeholders; a missing parameter is left visible rather than silently dropped. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

/** A translator over `messages`; a key it lacks is looked up in `fallback`, else shown as the key. */
export function translatorFrom(messages: MessageTree, fallback?: (key: string) => string | undefined): Translate {
  return (key, params) => interpolate(lookup(messages, key) ?? fallback?.(key) ?? key, params);
}
