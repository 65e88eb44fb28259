import type { MessageTree } from "./define";
import { catalogs, type Messages } from "./messages";
import type { Locale } from "./config";
import { lookup, translatorFrom } from "./translator";

export { interpolate } from "./translator";

type Join<K extends string, P extends string> = `${K}.${P}`;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : Join<K, Paths<T[K]>>;
}[keyof T & string];

/** Every message key, e.g. "auth.signIn.title". */
export type MessageKey = Paths<Messages>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The server's translator: the language's catalog, falling back to English for a key it lacks. */
export function createTranslator(locale: Locale, messages: MessageTree = catalogs[locale]): Translate {
  return translatorFrom(messages, (key) => lookup(catalogs.en, key));
}
