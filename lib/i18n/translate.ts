import type { MessageTree } from "./define";
import { catalogs, type Messages } from "./messages";
import type { Locale } from "./config";

type Join<K extends string, P extends string> = `${K}.${P}`;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : Join<K, Paths<T[K]>>;
}[keyof T & string];

/** Every message key, e.g. "auth.signIn.title". */
export type MessageKey = Paths<Messages>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

function lookup(tree: MessageTree, key: string): string | undefined {
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

export function createTranslator(locale: Locale, messages: MessageTree = catalogs[locale]): Translate {
  return (key, params) => {
    const template = lookup(messages, key) ?? lookup(catalogs.en, key) ?? key;
    return interpolate(template, params);
  };
}
