import type { ColumnInfo } from '@shared/results.schema';
import { groupDigits, isNumberType } from './number-text';
import { printable, type PdfFonts } from './pdf-fonts';

/** A table as the summary prints it: exact text, the first rows only for long tables. */
export interface PdfTable {
  title: string;
  columns: ColumnInfo[];
  rows: Array<Array<string | null>>;
  rowCount: number;
}

const FONT_SIZE = 7.5;
const PAD = 4;
const ROW_HEIGHT = FONT_SIZE + 7;
const MAX_COLUMN = 170;
const MIN_COLUMN = 36;
const COLORS = { header: '#e8ebf0', zebra: '#f6f8fb', text: '#1c2430', rule: '#c9d0da' };

/** The bottom of the page's writable area, above the footer. */
export function pageBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function cellText(value: string | null, column: ColumnInfo, fonts: PdfFonts): string {
  if (value === null) return '';
  return printable(isNumberType(column.type) ? groupDigits(value) : value, fonts);
}

/** Column widths from their content, shrunk (widest first) to fit `available`. */
function columnWidths(
  doc: PDFKit.PDFDocument,
  table: PdfTable,
  fonts: PdfFonts,
  available: number,
): number[] {
  doc.font(fonts.bold).fontSize(FONT_SIZE);
  const widths = table.columns.map((c) => doc.widthOfString(printable(c.name, fonts)) + 2 * PAD);
  doc.font(fonts.regular);
  for (const row of table.rows) {
    table.columns.forEach((column, i) => {
      const w = doc.widthOfString(cellText(row[i] ?? null, column, fonts)) + 2 * PAD;
      widths[i] = Math.min(MAX_COLUMN, Math.max(widths[i]!, w));
    });
  }
  let excess = widths.reduce((a, b) => a + b, 0) - available;
  while (excess > 0.5) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= MIN_COLUMN) break;
    const cut = Math.min(excess, widths[widest]! - MIN_COLUMN, Math.max(4, widths[widest]! * 0.1));
    widths[widest] = widths[widest]! - cut;
    excess -= cut;
  }
  return widths;
}

/** The height the whole table takes (header and rows), to keep a short table on one page. */
export function tableHeight(table: PdfTable): number {
  return (table.rows.length + 1) * ROW_HEIGHT + 6;
}

/** The natural width of the table, to choose a landscape page for wide ones. */
export function naturalWidth(doc: PDFKit.PDFDocument, table: PdfTable, fonts: PdfFonts): number {
  return columnWidths(doc, table, fonts, Number.POSITIVE_INFINITY).reduce((a, b) => a + b, 0);
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: string[],
  table: PdfTable,
  widths: number[],
  y: number,
  style: { font: string; fill?: string },
): void {
  const x0 = doc.page.margins.left;
  const total = widths.reduce((a, b) => a + b, 0);
  if (style.fill) doc.rect(x0, y, total, ROW_HEIGHT).fill(style.fill);
  doc.font(style.font).fontSize(FONT_SIZE).fillColor(COLORS.text);
  let x = x0;
  cells.forEach((text, i) => {
    const width = widths[i]!;
    const align = isNumberType(table.columns[i]!.type) ? 'right' : 'left';
    doc.text(text, x + PAD, y + 3.5, {
      width: width - 2 * PAD,
      align,
      lineBreak: false,
      ellipsis: true,
      height: ROW_HEIGHT,
    });
    x += width;
  });
}

/**
 * Draws the table from the current position, breaking pages (same layout) with the header repeated.
 * Numbers are right-aligned and grouped, their digits exactly as bundled.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  table: PdfTable,
  fonts: PdfFonts,
  layout: 'portrait' | 'landscape',
): void {
  const widths = columnWidths(doc, table, fonts, contentWidth(doc));
  const header = table.columns.map((c) => printable(c.name, fonts));
  let y = doc.y;
  const newPage = () => {
    doc.addPage({ layout });
    y = doc.page.margins.top;
    drawRow(doc, header, table, widths, y, { font: fonts.bold, fill: COLORS.header });
    y += ROW_HEIGHT;
  };
  if (y + 3 * ROW_HEIGHT > pageBottom(doc)) newPage();
  else {
    drawRow(doc, header, table, widths, y, { font: fonts.bold, fill: COLORS.header });
    y += ROW_HEIGHT;
  }
  table.rows.forEach((row, index) => {
    if (y + ROW_HEIGHT > pageBottom(doc)) newPage();
    const cells = table.columns.map((column, i) => cellText(row[i] ?? null, column, fonts));
    drawRow(doc, cells, table, widths, y, {
      font: fonts.regular,
      ...(index % 2 ? { fill: COLORS.zebra } : {}),
    });
    y += ROW_HEIGHT;
  });
  const total = widths.reduce((a, b) => a + b, 0);
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.margins.left + total, y)
    .strokeColor(COLORS.rule)
    .lineWidth(0.5)
    .stroke();
  doc.x = doc.page.margins.left;
  doc.y = y + 6;
}
