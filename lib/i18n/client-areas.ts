// Which message areas the browser receives. The root layout sends the base areas (what the components
// on every page use); each route segment adds the areas its client components use (see
// components/i18n/client-messages.tsx). Server components keep the whole catalog through getI18n().
// lib/i18n/client-areas.test.ts checks, from the import graph, that every page's client components
// receive every area they use, and that the server-only areas are never sent.
import type { Locale } from "./config";
import type { MessageTree } from "./define";
import { catalogs, type Messages } from "./messages";

export type Area = keyof Messages;

/** Every area of the catalog. */
export const AREAS = Object.keys(catalogs.en) as Area[];

/** The areas every page's client components receive (the root layout sends them). */
export const BASE_AREAS = ["common", "ui"] as const satisfies readonly Area[];

/** Areas only the server translates (mail, PDFs, CSV exports, IATI files): never sent to a browser. */
export const SERVER_ONLY_AREAS = ["email", "pdf", "iati", "exports"] as const satisfies readonly Area[];

export type ClientArea = Exclude<Area, (typeof SERVER_ONLY_AREAS)[number]>;

/** One language's messages of the base areas plus `areas`: what a client I18nProvider receives. */
export function clientMessages(locale: Locale, areas: readonly ClientArea[] = []): MessageTree {
  const catalog = catalogs[locale];
  const names = new Set<Area>([...BASE_AREAS, ...areas]);
  return Object.fromEntries([...names].map((name) => [name, catalog[name]]));
}
