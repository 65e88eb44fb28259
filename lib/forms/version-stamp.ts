import { z } from "zod";

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2101, 0, 1);

/**
 * The version an edit form sends back: the record's updated_at as an ISO instant with its offset
 * ("2026-03-01T12:00:00.000Z"). zod checks the calendar; the years are bounded as the portal's dates are
 * (2000 to 2100), since "0000-01-01T00:00:00Z" or "9999-12-31T23:59:59-12:00" are instants a JavaScript
 * Date holds but PostgreSQL refuses outright (year 0, year 10000).
 */
export function versionStamp(key: string) {
  return z.iso.datetime({ offset: true, error: key }).refine((s) => {
    const t = Date.parse(s);
    return t >= EARLIEST && t < LATEST;
  }, key);
}
