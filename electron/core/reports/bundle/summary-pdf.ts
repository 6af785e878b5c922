import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { BundleManifest, BundleWorkspace } from '@shared/bundle-manifest.schema';
import { pdfFonts, printable, type PdfFonts } from './pdf-fonts';
import { contentWidth, drawTable, naturalWidth, pageBottom, tableHeight, type PdfTable } from './pdf-table';

/** What the summary prints: the manifest's story, the chart images, and the tables' first rows. */
export interface SummaryInput {
  manifest: Pick<
    BundleManifest,
    'title' | 'kind' | 'createdAt' | 'appVersion' | 'workspace' | 'queries' | 'highlights' | 'notes'
  >;
  charts: Array<{ title: string; png?: Buffer; width: number; height: number }>;
  tables: PdfTable[];
}

const MARGINS = { top: 48, bottom: 56, left: 48, right: 48 };
const INK = { text: '#1c2430', muted: '#5d6878', accent: '#2f6fdf', box: '#f1f4f9' };
const KIND_LABEL: Record<BundleManifest['kind'], string> = {
  'gross-profit': 'Gross profit report',
  kpis: 'KPI dashboard',
  query: 'Query result',
};

function workspaceText(w: BundleWorkspace): string {
  if (w.kind === 'local') return `${w.name}, a local lake at ${w.lakePath}`;
  return `AWS account ${w.accountName ?? ''} ${w.accountId}, role ${w.roleName}, ${w.region}`.replace(
    /\s+/g,
    ' ',
  );
}

function heading(doc: PDFKit.PDFDocument, fonts: PdfFonts, text: string, size = 13): void {
  if (doc.y + size * 4 > pageBottom(doc)) doc.addPage({ layout: 'portrait' });
  doc.moveDown(0.6).font(fonts.bold).fontSize(size).fillColor(INK.text).text(printable(text, fonts));
  doc.moveDown(0.3);
}

function cover(doc: PDFKit.PDFDocument, fonts: PdfFonts, input: SummaryInput): void {
  const m = input.manifest;
  doc
    .font(fonts.regular)
    .fontSize(9)
    .fillColor(INK.accent)
    .text(`LAKEDESK · ${KIND_LABEL[m.kind].toUpperCase()}`);
  doc.moveDown(0.2).font(fonts.bold).fontSize(20).fillColor(INK.text).text(printable(m.title, fonts));
  doc.moveDown(0.4).font(fonts.regular).fontSize(9).fillColor(INK.muted);
  const params = m.queries.flatMap((q) => Object.entries(q.params).map(([k, v]) => `${k} = ${v}`));
  const lines = [
    `Workspace: ${workspaceText(m.workspace)}`,
    `Created: ${m.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} · Lakedesk ${m.appVersion}`,
    `Parameters: ${params.length ? params.join(', ') : 'none'}`,
  ];
  for (const line of lines) doc.text(printable(line, fonts));
  if (m.highlights.length) highlights(doc, fonts, m.highlights);
  if (m.notes.length) {
    heading(doc, fonts, 'Notes', 11);
    doc.font(fonts.regular).fontSize(9).fillColor(INK.text);
    for (const note of m.notes) doc.text(printable(`•  ${note}`, fonts));
    doc.moveDown(0.8);
  }
}

function highlights(
  doc: PDFKit.PDFDocument,
  fonts: PdfFonts,
  items: SummaryInput['manifest']['highlights'],
): void {
  const perRow = Math.min(4, items.length);
  const gap = 8;
  const width = (contentWidth(doc) - gap * (perRow - 1)) / perRow;
  let y = doc.y + 12;
  items.forEach((item, i) => {
    const col = i % perRow;
    if (col === 0 && i > 0) y += 52;
    const x = doc.page.margins.left + col * (width + gap);
    doc.roundedRect(x, y, width, 44, 4).fill(INK.box);
    doc
      .font(fonts.regular)
      .fontSize(8)
      .fillColor(INK.muted)
      .text(printable(item.label, fonts), x + 8, y + 7, {
        width: width - 16,
        lineBreak: false,
        ellipsis: true,
      });
    doc
      .font(fonts.bold)
      .fontSize(13)
      .fillColor(INK.text)
      .text(printable(item.value, fonts), x + 8, y + 21, {
        width: width - 16,
        lineBreak: false,
        ellipsis: true,
      });
  });
  doc.x = doc.page.margins.left;
  doc.y = y + 56;
}

function charts(doc: PDFKit.PDFDocument, fonts: PdfFonts, input: SummaryInput): void {
  for (const chart of input.charts) {
    if (!chart.png) continue;
    const width = contentWidth(doc);
    const height = Math.min((width * chart.height) / chart.width, pageBottom(doc) - doc.page.margins.top);
    if (doc.y + height > pageBottom(doc)) doc.addPage({ layout: 'portrait' });
    doc.image(chart.png, doc.page.margins.left, doc.y, { fit: [width, height], align: 'center' });
    doc.x = doc.page.margins.left;
    doc.y += height + 14;
  }
}

function tables(doc: PDFKit.PDFDocument, fonts: PdfFonts, input: SummaryInput): void {
  const sized = input.tables.map((table) => ({
    table,
    wide: naturalWidth(doc, table, fonts) > contentWidth(doc) + 1,
  }));
  // Narrow tables (totals, roll-ups) follow the charts on their page; wide ones come last, landscape.
  const ordered = [...sized.filter((t) => !t.wide), ...sized.filter((t) => t.wide)];
  for (const { table, wide } of ordered) {
    // A wide table gets landscape pages of its own rather than columns cut to nothing.
    const layout = wide ? 'landscape' : 'portrait';
    const needed = tableHeight(table) + 50;
    const fitsOnAPage = needed < pageBottom(doc) - doc.page.margins.top;
    if (wide || doc.page.layout !== 'portrait' || (fitsOnAPage && doc.y + needed > pageBottom(doc))) {
      doc.addPage({ layout });
    }
    heading(doc, fonts, table.title, 12);
    const shown =
      table.rows.length < table.rowCount
        ? `first ${table.rows.length} of ${table.rowCount} rows; all are in the bundle's data`
        : `${table.rowCount} row${table.rowCount === 1 ? '' : 's'}`;
    doc.font(fonts.regular).fontSize(8).fillColor(INK.muted).text(printable(shown, fonts)).moveDown(0.3);
    drawTable(doc, table, fonts, layout);
  }
}

function queries(doc: PDFKit.PDFDocument, fonts: PdfFonts, input: SummaryInput): void {
  doc.addPage({ layout: 'portrait' });
  heading(doc, fonts, 'Queries', 13);
  for (const q of input.manifest.queries) {
    heading(doc, fonts, `${q.title} → table ${q.table}`, 10);
    const run = [
      `${q.rowCount} rows`,
      q.executionId && `execution ${q.executionId}`,
      q.dataScannedBytes !== undefined && `${q.dataScannedBytes} bytes scanned`,
    ];
    doc.font(fonts.regular).fontSize(8).fillColor(INK.muted).text(run.filter(Boolean).join(' · '));
    doc.moveDown(0.3).font(fonts.mono).fontSize(7).fillColor(INK.text).text(printable(q.sql.trim(), fonts));
  }
}

function footers(doc: PDFKit.PDFDocument, fonts: PdfFonts, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 34;
    doc.font(fonts.regular).fontSize(7.5).fillColor(INK.muted);
    doc.text(printable(`${title} · Lakedesk report`, fonts), doc.page.margins.left, y, { lineBreak: false });
    const page = `Page ${i + 1} of ${range.count}`;
    doc.text(page, doc.page.width - doc.page.margins.right - doc.widthOfString(page), y, {
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/** Writes the report's PDF summary: cover with headline figures and notes, charts, tables, queries. */
export async function writeSummaryPdf(path: string, input: SummaryInput): Promise<void> {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    font: fonts.regular,
    info: {
      Title: input.manifest.title,
      Creator: `Lakedesk ${input.manifest.appVersion}`,
      Producer: 'Lakedesk',
    },
  });
  const out = createWriteStream(path);
  doc.pipe(out);
  cover(doc, fonts, input);
  charts(doc, fonts, input);
  tables(doc, fonts, input);
  queries(doc, fonts, input);
  footers(doc, fonts, input.manifest.title);
  doc.end();
  await once(out, 'close');
}
