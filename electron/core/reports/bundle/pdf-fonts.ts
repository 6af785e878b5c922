import { existsSync } from 'node:fs';

/** The fonts of a PDF summary: files to embed, or the PDF standard fonts when none are found. */
export interface PdfFonts {
  regular: string;
  bold: string;
  mono: string;
  /** True for the standard fonts, which know only Latin-1 (WinAnsi) characters. */
  isStandard: boolean;
}

const CANDIDATES: ReadonlyArray<Omit<PdfFonts, 'isStandard'>> = [
  {
    regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
    mono: '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
  },
  {
    regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
    mono: '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf',
  },
  {
    regular: '/System/Library/Fonts/Supplemental/Arial.ttf',
    bold: '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
    mono: '/System/Library/Fonts/Supplemental/Courier New.ttf',
  },
  {
    regular: 'C:\\Windows\\Fonts\\arial.ttf',
    bold: 'C:\\Windows\\Fonts\\arialbd.ttf',
    mono: 'C:\\Windows\\Fonts\\cour.ttf',
  },
];

const STANDARD: PdfFonts = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  mono: 'Courier',
  isStandard: true,
};

let found: PdfFonts | undefined;

/**
 * A Unicode TrueType family from the system (DejaVu or Liberation on Linux, Arial on macOS and
 * Windows), embedded so company names in any Latin, Greek or Cyrillic script print. Shipping a font
 * would add megabytes for what every desktop already has; without one, the standard fonts do.
 */
export function pdfFonts(): PdfFonts {
  if (!found) {
    const family = CANDIDATES.find((c) => existsSync(c.regular) && existsSync(c.bold) && existsSync(c.mono));
    found = family ? { ...family, isStandard: false } : STANDARD;
  }
  return found;
}

/** Text the fonts can print: outside Latin-1, the standard fonts would print garbage, so `?` instead. */
export function printable(text: string, fonts: PdfFonts): string {
  // eslint-disable-next-line no-control-regex -- control characters never print
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
  return fonts.isStandard ? clean.replace(/[^\n\u0020-\u00ff]/g, '?') : clean;
}
