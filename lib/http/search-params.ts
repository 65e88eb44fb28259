// Search parameters of a page as Next.js hands them over (a name may repeat).

/** The first value of each search parameter, for parsing with a schema. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
