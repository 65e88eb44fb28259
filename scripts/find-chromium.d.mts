export interface FoundChromium {
  path: string;
  source: "system" | "playwright";
}
export function findChromium(): FoundChromium | null;
export function findPlaywrightChromium(): Promise<FoundChromium | null>;
export const CHROMIUM_HELP: string;
