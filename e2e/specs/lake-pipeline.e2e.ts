import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogPage } from '../pages/catalog-page';
import { ClustersPage } from '../pages/clusters-page';
import { ConsolePage } from '../pages/console-page';
import { QueriesPage } from '../pages/queries-page';
import { ReportsPage } from '../pages/reports-page';
import { openConsole, type ConsoleSession } from '../support/session';

const KPI_QUERIES = [
  'total-sales-by-customer',
  'monthly-order-volume',
  'order-status',
  'average-order-value',
  'top-orders-in-month',
];
const MONTH = '2025-02';

// The whole flow on the sample lake, in both colour schemes: lake jobs, crawl, every saved query,
// the gross profit report and the KPI dashboard, with a screenshot of each view.
describe.each(['light', 'dark'] as const)('lake pipeline (%s)', (scheme) => {
  let session: ConsoleSession;
  let shell: ConsolePage;
  const shot = (name: string) => session.screenshot(`${name}-${scheme}`);

  beforeAll(async () => {
    session = await openConsole({ colorScheme: scheme });
    shell = new ConsolePage(session.page);
    await shell.ready();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('runs the lake jobs and keeps their history', async () => {
    const view = await shell.goTo('clusters');
    const clusters = new ClustersPage(session.page);
    const orders = await clusters.run('process-orders', { olderThanDays: 30 });
    expect(await shell.errors(view)).toEqual([]);
    await orders.waitFor();
    expect(Object.keys(await clusters.counts('process-orders')).length).toBeGreaterThan(0);
    await clusters.run('gross-profit');
    expect(await shell.errors(view)).toEqual([]);
    expect(await clusters.historyRows().count()).toBeGreaterThanOrEqual(2);
    await shell.dismissToasts();
    await shot('clusters');
  });

  it('crawls the lake into a searchable catalog', async () => {
    const view = await shell.goTo('catalog');
    const catalog = new CatalogPage(session.page);
    const result = await catalog.crawl();
    expect(await shell.errors(view)).toEqual([]);
    await result.waitFor();
    const tables = await catalog.tableNames();
    expect(tables).toEqual(expect.arrayContaining(['billing', 'orders']));
    await catalog.expand('orders');
    await shell.dismissToasts();
    await shot('catalog');
    await catalog.search('order_status');
    expect(await catalog.tableNames()).toContain('orders');
    await catalog.search('');
  });

  it('runs every saved query and draws its chart', async () => {
    const view = await shell.goTo('queries');
    const queries = new QueriesPage(session.page);
    const ids = await queries.savedIds();
    expect(ids).toEqual(expect.arrayContaining([...KPI_QUERIES, 'gross-profit']));
    for (const id of ids) {
      await queries.select(id);
      if (id === 'top-orders-in-month') await queries.setParam('month', MONTH);
      const outcome = await queries.run();
      expect({ id, outcome, errors: await shell.errors(view) }).toEqual({
        id,
        outcome: 'result',
        errors: [],
      });
      expect(await queries.rowCount()).toBeGreaterThan(0);
      if (KPI_QUERIES.includes(id)) {
        const chart = await queries.showChart();
        await chart.locator('.chart-box[data-rendered]').waitFor();
      }
      await shell.dismissToasts();
      await shot(`query-${id}`);
    }
  });

  it('runs typed SQL with Ctrl+Enter and sorts the rows', async () => {
    const queries = new QueriesPage(session.page);
    await session.page.getByTestId('new-query').click();
    await queries.setSql(
      'SELECT order_status, count(*) AS orders\nFROM orders\nGROUP BY order_status\nORDER BY orders DESC',
    );
    expect(await queries.run({ shortcut: true })).toBe('result');
    const grid = await queries.showRows();
    expect(await grid.locator('.ag-row[row-index]').count()).toBeGreaterThan(1);
    await queries.sortBy('order_status');
    await shot('query-editor');
    const csv = await queries.exportCsv();
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.split(/\r?\n/)[0]).toBe('order_status,orders');
    await queries.setSql('SELECT * FROM ');
    expect(await queries.completionsAfterTyping('ord')).toContain('orders');
  });

  it('cancels a long query and stays usable', async () => {
    const queries = new QueriesPage(session.page);
    await queries.setSql('SELECT count(*) AS n\nFROM range(1000000000000) AS t(i)\nWHERE i % 7 = 3');
    await queries.runAndCancel();
    await queries.setSql('SELECT 42 AS answer');
    expect(await queries.run()).toBe('result');
    expect(await queries.firstCell('answer')).toBe('42');
  });

  it('pages through a million-row result and sorts it in the engine', async () => {
    const queries = new QueriesPage(session.page);
    await session.page.getByTestId('new-query').click();
    await queries.setSql('SELECT i AS n, i % 97 AS bucket\nFROM range(1000000) AS t(i)');
    const started = Date.now();
    expect(await queries.run({ shortcut: true })).toBe('result');
    expect(await queries.rowCount()).toBe(1_000_000);
    await queries.showRows();
    await queries.sortBy('n');
    await queries.sortBy('n');
    await queries.waitForFirstCell('n', '999,999');
    expect(Date.now() - started).toBeLessThan(30_000);
    await shot('query-million-rows');
  });

  it('shows the gross profit report, and a bar click filters its table', async () => {
    const view = await shell.goTo('reports');
    const reports = new ReportsPage(session.page);
    await reports.openGrossProfit();
    expect(await shell.errors(view)).toEqual([]);
    const headline = await reports.headline();
    expect(headline.revenue).toMatch(/^\$[\d,]+\.\d{2}$/);
    expect(headline.cogs).toMatch(/^\$[\d,]+\.\d{2}$/);
    expect(headline.margin).toMatch(/%$/);
    const all = await reports.tableRowCount();
    await shell.chartsDrawn(reports.grossProfit);
    await shell.dismissToasts();
    await shot('report-gross-profit');
    const [first = ''] = await reports.filterKeys('filter-product-line');
    await reports.clickFirstBar('gp-product-line-chart');
    await reports.waitForFilter(first);
    expect(await reports.activeFilters()).toEqual([first]);
    expect(await reports.tableRowCount()).toBeLessThan(all);
    await reports.grossProfit.getByTestId('gp-table-panel').scrollIntoViewIfNeeded();
    await shot('report-gross-profit-filtered');
    await reports.pickFilter('filter-product-line', 'All');
    expect(await reports.tableRowCount()).toBe(all);
  });

  it('draws every KPI on the dashboard for the chosen month', async () => {
    const view = await shell.goTo('reports');
    const reports = new ReportsPage(session.page);
    const tiles = await reports.openKpi();
    expect(tiles.length).toBe(KPI_QUERIES.length);
    await reports.setKpiMonth(MONTH);
    await reports.refreshKpi();
    expect(await shell.errors(view)).toEqual([]);
    await shell.dismissToasts();
    await shot('report-kpi');
  });

  it('lists the finished jobs of the session with what they did', async () => {
    const panel = await shell.openJobs();
    expect(await panel.getByTestId('job-finished').count()).toBeGreaterThan(5);
    expect(await panel.getByTestId('job-running').count()).toBe(0);
    await shot('jobs-menu-after-run');
    await shell.closeJobs();
  });
});
