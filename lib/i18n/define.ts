/** A tree of message strings. */
export type MessageTree = { readonly [key: string]: string | MessageTree };

/** The same keys as T, every leaf a string: what the Spanish catalog must provide. */
export type SameShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

/**
 * Declares one area's messages in both languages side by side; the compiler refuses a Spanish catalog
 * that misses or adds a key, so every string exists in English and Spanish.
 */
export function defineMessages<const T extends MessageTree>(messages: { en: T; es: SameShape<T> }) {
  return messages;
}
