// The units of the indicator library, as people read them. The library stores a unit key ("count",
// "tonnes", "people"); a unit outside these (a custom indicator's) is shown as stored.
import type { Translate } from "@/lib/i18n/translate";

export const KNOWN_UNITS = ["count", "tonnes", "people"] as const;
export type KnownUnit = (typeof KNOWN_UNITS)[number];

export function isKnownUnit(unit: string): unit is KnownUnit {
  return (KNOWN_UNITS as readonly string[]).includes(unit);
}

/** An indicator's unit in the reader's language. Client-safe. */
export function unitLabel(unit: string, t: Translate): string {
  return isKnownUnit(unit) ? t(`dashboards.units.${unit}`) : unit;
}
