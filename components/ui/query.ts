/** The current query of a page, as Next gives it to a page component (searchParams). */
export type Query = Record<string, string | string[] | undefined>;

/** basePath with the current query changed (undefined removes a key): links that keep filters and sort. */
export function hrefWith(basePath: string, query: Query, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key in changes || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, one);
  }
  for (const [key, value] of Object.entries(changes)) if (value !== undefined && value !== "") params.set(key, String(value));
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}
