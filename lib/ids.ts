import { isSafeText } from "@/lib/forms/unsafe-text";

/** A record id (UUID_PATTERN) as the database writes it: the one pattern every schema and lookup checks ids with. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The largest value a PostgreSQL integer column holds (versions, period numbers). */
export const INTEGER_MAX = 2_147_483_647;

/** Whether a value is a well-formed UUID_PATTERN: ids from URLs and forms are checked before any query. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}

/**
 * Whether a value can be a user's id. User ids are text (Auth.js): the portal makes UUIDs, but any
 * non-empty string of at most 200 characters is looked up, as long as PostgreSQL can take it (no NUL,
 * no lone surrogate; see safe-text). Anything else is an id no user has.
 */
export function isUserId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= 200 && isSafeText(value);
}

/** Whether a value is a record's version as a form sends it back: a whole number from 1 to INTEGER_MAX. */
export function isVersion(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= INTEGER_MAX;
}

type CryptoLike = { getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>; randomUUID?: () => string };

/**
 * A random UUID_PATTERN v4 for a new request's creation key. crypto.randomUUID exists only in secure contexts
 * (HTTPS or localhost), so plain-HTTP intranet deployments fall back to getRandomValues.
 */
export function newCreationKey(cryptoImpl: CryptoLike = globalThis.crypto): string {
  if (typeof cryptoImpl.randomUUID === "function") return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
