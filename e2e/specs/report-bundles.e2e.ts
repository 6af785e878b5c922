import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundlePage, LOADED_ROW } from '../pages/bundle-page';
import { ConsolePage } from '../pages/console-page';
import { QueriesPage } from '../pages/queries-page';
import { ReportsPage } from '../pages/reports-page';
import { openConsole, type ConsoleSession } from '../support/session';
import { flipFirst, tamperZipMember } from '../support/tamper-zip';

const FIXTURE_LAKE = '/work/shared/fixtures/lake';
const EXPECTED = join(FIXTURE_LAKE, 'expected');

/** An expected CSV of the fixtures as header-keyed rows. */
async function readCsv(name: string): Promise<Record<string, string>[]> {
  return parse(await readFile(join(EXPECTED, name), 'utf8'), { columns: true }) as Record<string, string>[];
}

/** How the grid shows a DECIMAL(18,2): `2432.47` → `2,432.47`. */
const money = (text: string) =>
  Number(text).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// Export the fixture lake's gross profit report in browser mode, download it, open it again through
// the file input, check its numbers, charts and SQL box, then open a tampered and a truncated copy.
describe('report bundles (browser mode)', () => {
  let work: string;
  let session: ConsoleSession;
  let shell: ConsolePage;
  let reports: ReportsPage;
  let bundles: BundlePage;
  let downloaded: string;
  let exportedName: string;
  const shot = (name: string) => session.screenshot(`report-bundle-${name}`);
  /** Saves a download into the test's folder and returns its path and first bytes. */
  const keep = async (download: Download) => {
    const path = join(work, download.suggestedFilename());
    await download.saveAs(path);
    return { path, head: (await readFile(path)).subarray(0, 4).toString('latin1') };
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lakedesk-bundles-'));
    // A copy: the app writes its catalog and journals into the lake it opens.
    await cp(FIXTURE_LAKE, join(work, 'lake'), { recursive: true });
    session = await openConsole({ lake: join(work, 'lake') });
    shell = new ConsolePage(session.page);
    reports = new ReportsPage(session.page);
    bundles = new BundlePage(session.page);
    await shell.ready();
  });
  afterAll(async () => {
    await session?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('exports the gross profit report as a bundle and downloads it', async () => {
    await shell.goTo('reports');
    await reports.openGrossProfit();
    expect(await shell.errors(reports.grossProfit)).toEqual([]);
    await shell.dismissToasts();
    const menu = await bundles.openExportMenu(reports.grossProfit);
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual([
      expect.stringContaining('Report bundle (.lakereport)'),
      expect.stringContaining('Excel (.xlsx)'),
      expect.stringContaining('PDF'),
    ]);
    await shot('export-menu-light');
    const download = await bundles.exportAndDownload(reports.grossProfit, 'bundle');
    exportedName = download.suggestedFilename();
    expect(exportedName).toMatch(/^gross-profit-.*\.lakereport$/);
    const file = await keep(download);
    downloaded = file.path;
    expect(file.head.slice(0, 2)).toBe('PK');
  });

  it('exports the same report as Excel and as PDF', async () => {
    await bundles.openExportMenu(reports.grossProfit);
    const xlsx = await keep(await bundles.exportAndDownload(reports.grossProfit, 'xlsx'));
    expect(xlsx.path).toMatch(/\.xlsx$/);
    expect(xlsx.head.slice(0, 2)).toBe('PK');
    await bundles.openExportMenu(reports.grossProfit);
    const pdf = await keep(await bundles.exportAndDownload(reports.grossProfit, 'pdf'));
    expect(pdf.path).toMatch(/\.pdf$/);
    expect(pdf.head).toBe('%PDF');
  });

  it('opens the download offline: verified, with the expected numbers and charts', async () => {
    await bundles.showReportFiles();
    await bundles.openFile(downloaded);
    expect(await bundles.title()).toContain('Gross profit');
    const integrity = await bundles.integrity();
    expect(integrity.verified).toBe(true);
    expect(integrity.text).toMatch(/^Verified: \d+ members match their checksums/);

    const expected = await readCsv('gross_profit.csv');
    expect(await bundles.tableRowCount()).toBe(expected.length);
    const grid = bundles.tableGrid();
    for (const row of [0, 1, 3]) {
      const want = expected[row]!;
      expect(await bundles.cell(grid, row, 'company_name')).toBe(want.company_name);
      expect(await bundles.cell(grid, row, 'revenue_usd')).toBe(money(want.revenue_usd!));
      expect(await bundles.cell(grid, row, 'gross_profit_usd')).toBe(money(want.gross_profit_usd!));
    }
    const rows = await bundles.allRows('gross_profit');
    expect(rows.map((r) => [r[0], r[1], r[4], Number(r[5]).toFixed(2), Number(r[9]).toFixed(2)])).toEqual(
      expected.map((e) => [e.id, e.company_name, e.item, e.revenue_usd, e.gross_profit_usd]),
    );

    expect(await bundles.chartsDrawn()).toBe(3);
    await shell.dismissToasts();
    await bundles.scrollToTop();
    await shot('opened-light');
    await session.page.emulateMedia({ colorScheme: 'dark' });
    await session.page.waitForTimeout(700);
    await shot('opened-dark');
    await session.page.emulateMedia({ colorScheme: 'light' });

    // Sorting runs in the bundle's DuckDB over every row: the largest gross profit comes first.
    const best = expected.reduce((a, b) => (Number(b.gross_profit_usd) > Number(a.gross_profit_usd) ? b : a));
    await bundles.sortBy(grid, 'gross_profit_usd');
    await bundles.sortBy(grid, 'gross_profit_usd');
    await grid
      .locator(`${LOADED_ROW}[row-index="0"] .ag-cell[col-id="gross_profit_usd"]`)
      .filter({ hasText: money(best.gross_profit_usd!) })
      .waitFor();
    await bundles.scrollGridLeft(grid);
  });

  it('answers SQL over the bundled tables with the expected roll-up', async () => {
    const result = await bundles.runSql(
      'SELECT product_line, sum(gross_profit_usd) AS gross_profit_usd\nFROM gross_profit\nGROUP BY 1\nORDER BY 1',
    );
    const expected = await readCsv('gross_profit_by_product_line.csv');
    expect(Number(await result.getByTestId('bundle-sql-grid').getAttribute('data-row-count'))).toBe(
      expected.length,
    );
    for (const [i, want] of expected.entries()) {
      expect(await bundles.cell(result, i, 'product_line')).toBe(want.product_line);
      expect(await bundles.cell(result, i, 'gross_profit_usd')).toBe(money(want.gross_profit_usd!));
    }
    await bundles.scrollTo(bundles.bundle.getByTestId('bundle-charts'));
    await shot('charts-light');
    await bundles.scrollTo(bundles.bundle.getByTestId('bundle-tables'));
    await shot('tables-light');
    await bundles.scrollTo(bundles.bundle.getByTestId('bundle-sql'));
    await shot('sql-light');
  });

  it('saves the opened bundle as Excel', async () => {
    const scope = bundles.bundle.getByTestId('bundle-head');
    await scope.getByTestId('bundle-export-button').click();
    const xlsx = await keep(await bundles.exportAndDownload(scope, 'xlsx'));
    expect(xlsx.path).toMatch(/\.xlsx$/);
    expect(xlsx.head.slice(0, 2)).toBe('PK');
  });

  it('names the member that was changed after export (file dropped on the window)', async () => {
    const tampered = join(work, 'tampered.lakereport');
    await tamperZipMember(downloaded, tampered, 'data/gross_profit.csv', flipFirst('2432.47', '2432.48'));
    await bundles.openFile(tampered, { by: 'drop' });
    const integrity = await bundles.integrity();
    expect(integrity.verified).toBe(false);
    expect(integrity.members).toEqual(['data/gross_profit.csv']);
    expect(integrity.text).toContain('data/gross_profit.csv');
    // No laundering: a changed report is not converted to Excel or PDF.
    expect(await bundles.bundle.getByTestId('bundle-export-button').isDisabled()).toBe(true);
    // The Parquet is intact, so the table still loads; the warning says which member to doubt.
    expect(await bundles.tableRowCount()).toBe(79);
    await shell.dismissToasts();
    await bundles.scrollToTop();
    await shot('tampered-light');
  });

  it('rejects a truncated file with a clear error', async () => {
    const truncated = join(work, 'truncated.lakereport');
    const bytes = await readFile(downloaded);
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await bundles.openFile(truncated);
    expect(await bundles.errorText()).toMatch(/truncated|not a Lakedesk report|corrupt/i);
    await bundles.close();
  });

  it('marks a recent report whose file has gone, and forgets it', async () => {
    // The export itself went to the app's downloads folder; take it away.
    const inDownloads = join(session.app!.home, 'downloads', exportedName);
    await rm(inDownloads);
    // The list is read again whenever it comes into view.
    await bundles.reports.getByTestId('tab-gross-profit').click();
    await bundles.showReportFiles();
    await bundles.recentItem(inDownloads, false).waitFor();
    const recent = await bundles.recent();
    // The re-opened copies are still there.
    expect(recent.filter((r) => r.exists).length).toBeGreaterThanOrEqual(2);
    await shot('files-light');
    await bundles.recentItem(inDownloads).getByTestId('recent-forget').click();
    await bundles.recentItem(inDownloads).waitFor({ state: 'detached' });
  });

  it('exports a query result as a bundle', async () => {
    await shell.goTo('queries');
    const queries = new QueriesPage(session.page);
    await queries.select('gross-profit');
    expect(await queries.run()).toBe('result');
    await shell.dismissToasts();
    await bundles.openExportMenu(queries.result);
    await shot('query-export-menu-light');
    const file = await keep(await bundles.exportAndDownload(queries.result, 'bundle'));
    expect(file.path).toMatch(/gross-profit-.*\.lakereport$/);
    expect(file.head.slice(0, 2)).toBe('PK');
  });
});
