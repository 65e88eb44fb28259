// The units of the indicator library, as people read them. The library stores a unit key ("count",
// "tonnes", "people"); a unit outside these (a custom indicator's) is shown as stored.
import type { Translate } from "@/lib/i18n/translate";

const KNOWN_UNITS = ["count", "tonnes", "people"] as const;

function isKnownUnit(unit: string): unit is (typeof KNOWN_UNITS)[number] {
  return (KNOWN_UNITS as readonly string[]).includes(unit);
}

/** An indicator's unit in the reader's language (screens and PDFs). Client-safe. */
export function unitLabel(unit: string, t: Translate): string {
  return isKnownUnit(unit) ? t(`common.units.${unit}`) : unit;
}
