import ExcelJS from 'exceljs';
import type { OpenedBundle } from '@shared/bundles.schema';
import { cancelledError } from '../../errors';
import { quoteIdent } from '../../engine/sql-text';
import type { OpenBundle } from './bundle-sessions';
import { sheetName, xlsxColumn } from './xlsx-cells';

/** Excel's last row is 1,048,576; one is the header. */
const MAX_SHEET_ROWS = 1_048_575;
const CHUNK_ROWS = 10_000;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EBF0' } } as const;

type Sheet = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

function aboutSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, opened: OpenedBundle, notes: string[]): void {
  const m = opened.manifest;
  const sheet = book.addWorksheet('About');
  sheet.columns = [{ width: 26 }, { width: 100 }];
  const add = (label: string, value: string | number) => {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.commit();
  };
  const w = m.workspace;
  add('Title', m.title);
  add('Report', m.kind);
  add('Created at', m.createdAt);
  add('App version', m.appVersion);
  add(
    'Workspace',
    w.kind === 'local'
      ? `local lake ${w.name}: ${w.lakePath}`
      : `AWS ${w.accountId} ${w.roleName} ${w.region}`,
  );
  add('Bundle file', opened.fileName);
  add(
    'Integrity',
    opened.integrity.verified ? 'All members match checksums.json (SHA-256).' : 'NOT VERIFIED',
  );
  for (const q of m.queries) {
    add(`Query → ${q.table}`, q.title);
    add(
      '  parameters',
      Object.entries(q.params)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || 'none',
    );
    if (q.executionId) add('  execution id', q.executionId);
    if (q.dataScannedBytes !== undefined) add('  data scanned (bytes)', q.dataScannedBytes);
    add('  rows', q.rowCount);
    add('  SQL', q.sql.trim());
  }
  for (const h of m.highlights) add(h.label, h.value);
  for (const note of [...m.notes, ...notes]) add('Note', note);
  sheet.commit();
}

function startSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  headers: string[],
  widths: number[],
): Sheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 12 }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  head.commit();
  return sheet;
}

async function tableSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  bundle: OpenBundle,
  table: OpenBundle['tables'][number],
  name: string,
  signal: AbortSignal,
): Promise<void> {
  const columns = table.columns.map(xlsxColumn);
  const sheet = startSheet(
    book,
    name,
    columns.map((c) => c.header),
    columns.map((c) => c.width),
  );
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, columns.length) } };
  const limit = Math.min(table.rowCount, MAX_SHEET_ROWS);
  for (let offset = 0; offset < limit; offset += CHUNK_ROWS) {
    if (signal.aborted) throw cancelledError();
    const { rows } = await bundle.engine.queryExact(
      `SELECT * FROM ${quoteIdent(table.name)} LIMIT ${Math.min(CHUNK_ROWS, limit - offset)} OFFSET ${offset}`,
    );
    for (const row of rows) {
      const written = sheet.addRow(columns.map((c, i) => c.toCell(row[i] ?? null)));
      columns.forEach((c, i) => {
        if (c.numFmt) written.getCell(i + 1).numFmt = c.numFmt;
      });
      written.commit();
    }
  }
  sheet.commit();
}

function chartSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  chart: OpenedBundle['charts'][number],
  name: string,
): void {
  const headers = chart.data.columns.map((c) => c.name);
  const sheet = startSheet(
    book,
    name,
    headers,
    headers.map((h) => Math.max(14, h.length + 2)),
  );
  for (const row of chart.data.rows) sheet.addRow(row).commit();
  sheet.commit();
}

/**
 * Writes an open bundle as an XLSX workbook, streaming: About (the manifest), a sheet per table with
 * typed cells and Excel formats, and a sheet per chart with the rows it draws.
 */
export async function writeXlsx(
  path: string,
  bundle: OpenBundle,
  opened: OpenedBundle,
  signal: AbortSignal,
): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = `Lakedesk ${opened.manifest.appVersion}`;
  book.created = new Date(opened.manifest.createdAt);
  const taken = new Set<string>(['about']);
  const names = opened.tables
    .filter((t) => t.loaded)
    .map((t) => ({ table: t, name: sheetName(t.name, taken) }));
  const chartNames = opened.charts
    .filter((c) => c.data.columns.length)
    .map((c) => ({ chart: c, name: sheetName(`Chart ${c.id}`, taken) }));
  const notes = names
    .filter(({ table }) => table.rowCount > MAX_SHEET_ROWS)
    .map(
      ({ table, name }) =>
        `Sheet ${name} holds the first ${MAX_SHEET_ROWS} of ${table.rowCount} rows (Excel's limit); the bundle has them all.`,
    );
  aboutSheet(book, opened, notes);
  for (const { table, name } of names) await tableSheet(book, bundle, table, name, signal);
  for (const { chart, name } of chartNames) chartSheet(book, chart, name);
  await book.commit();
}
