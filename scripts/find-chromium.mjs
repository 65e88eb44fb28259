// Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, then Debian's /usr/bin/chromium (and
// similar system paths), then a browser Playwright downloaded itself. Null when there is none.
import { existsSync } from "node:fs";

export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
  ].filter(Boolean);
  for (const candidate of candidates) if (existsSync(candidate)) return { path: candidate, source: "system" };
  return null;
}

export async function findPlaywrightChromium() {
  try {
    const { chromium } = await import("@playwright/test");
    const path = chromium.executablePath();
    if (path && existsSync(path)) return { path, source: "playwright" };
  } catch {
    // Playwright not installed or no browser downloaded
  }
  return null;
}

export const CHROMIUM_HELP = [
  "No Chromium found for the end-to-end tests.",
  "Install one of:",
  "  - Debian/Ubuntu: sudo apt-get install chromium   (gives /usr/bin/chromium)",
  "  - or Playwright's own: npx playwright install chromium",
  "  - or point CHROMIUM_PATH at a Chromium or Chrome executable.",
].join("\n");
