import path from "node:path";
import { Font } from "@react-pdf/renderer";

export const PDF_FONT_FAMILY = "DejaVu Sans";

let registered = false;

/**
 * Registers the DejaVu fonts shipped in lib/pdf/fonts (the PDF standard fonts have no glyphs beyond
 * Latin-1 and are not embedded; DejaVu covers Spanish and every name in the reference data).
 * Paths are resolved from the working directory at run time, not from this module's location,
 * because the bundled Next server moves the compiled module while the repository stays its cwd
 * (vitest and the bench also run from the repository root).
 */
export function registerPdfFonts(): void {
  if (registered) return;
  const dir = path.join(process.cwd(), "lib", "pdf", "fonts");
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: path.join(dir, "DejaVuSans.ttf"), fontWeight: 400 },
      { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: 700 },
    ],
  });
  // Hyphenating English and Spanish with one (English) dictionary splits words wrongly: wrap whole words.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
