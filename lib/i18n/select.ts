import type { Messages } from "./messages";
import type { MessageKey, MessageParams, Translate } from "./translate";

type Join<K extends string, P extends string> = `${K}.${P}`;
/** Every path to a group of messages (not to a single message), e.g. "email.workflow.deliverable.subject". */
type GroupPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? never : K | Join<K, GroupPaths<T[K]>>;
}[keyof T & string];
type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;
type Leaves<T> = { [K in keyof T & string]: T[K] extends string ? K : never }[keyof T & string];

/** A group of messages with one message per value, e.g. `<key>.accept` and `<key>.return`. */
export type SelectKey = GroupPaths<Messages>;
/** The values a select message has a form for (the English catalog's keys of that group). */
export type SelectValue<K extends SelectKey> = Leaves<At<Messages, K>>;

/**
 * The form of a message for this value: `<key>.<value>`, the way plural() takes `<key>.<category>`.
 * The compiler checks the value against the group's keys; a value that arrives at run time without a
 * form of its own (an old row, a new status) gets `<key>.other` where the group has one.
 * `{placeholders}` are filled in as t() fills them.
 */
export function select<K extends SelectKey>(t: Translate, key: K, value: SelectValue<K>, params?: MessageParams): string {
  const exact = `${key}.${value}` as MessageKey;
  const text = t(exact, params);
  if (text !== exact) return text;
  const other = `${key}.other` as MessageKey;
  const fallback = t(other, params);
  return fallback !== other ? fallback : exact;
}
