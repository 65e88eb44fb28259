import type { Locale } from "./config";
import { formatNumber } from "./format";
import type { MessageKey, MessageParams, Translate } from "./translate";

/** A message with one key per plural category: `<key>.one`, `<key>.other` (and optionally `<key>.zero`). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

const rules = new Map<Locale, Intl.PluralRules>();

/**
 * The form of a counted message for this count in this language (Intl.PluralRules: English and Spanish
 * have "one" and "other"). A `zero` form, where a message has one, is used for 0: "no passkey" reads
 * better than "0 passkeys". `{count}` is filled in, formatted as the figures around it (formatNumber: "1,250").
 * A message that counts two things ("3 on time, 1 late") takes each counted part from its own plural key.
 */
export function plural(t: Translate, locale: Locale, key: PluralKey, count: number, params: MessageParams = {}): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  const values = { ...params, count: formatNumber(count, locale) };
  if (count === 0) {
    const zero = `${key}.zero` as MessageKey;
    const text = t(zero, values);
    if (text !== zero) return text;
  }
  const category = rule.select(count);
  const exact = `${key}.${category}` as MessageKey;
  const text = t(exact, values);
  return text !== exact ? text : t(`${key}.other` as MessageKey, values);
}
