import type { Locator, Page } from 'playwright-core';

/** Reports: the gross profit view and the KPI dashboard. */
export class ReportsPage {
  readonly view: Locator;
  readonly grossProfit: Locator;
  readonly kpi: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('page-reports');
    this.grossProfit = this.view.getByTestId('gross-profit');
    this.kpi = this.view.getByTestId('kpi-dashboard');
  }

  /** Opens the gross profit tab and waits for its figures (it computes on first view). */
  async openGrossProfit(): Promise<void> {
    await this.view.getByTestId('tab-gross-profit').click();
    await this.grossProfit
      .getByTestId('kpi-revenue-value')
      .or(this.grossProfit.getByTestId('error-banner'))
      .first()
      .waitFor({ timeout: 60_000 });
  }

  async headline(): Promise<Record<'revenue' | 'cogs' | 'grossProfit' | 'margin', string>> {
    const text = async (id: string) => (await this.grossProfit.getByTestId(`${id}-value`).innerText()).trim();
    return {
      revenue: await text('kpi-revenue'),
      cogs: await text('kpi-cogs'),
      grossProfit: await text('kpi-gross-profit'),
      margin: await text('kpi-margin'),
    };
  }

  /** Rows the gross profit table holds (ag-grid's own count, not only the drawn rows). */
  async tableRowCount(): Promise<number> {
    const badge = this.grossProfit.getByTestId('gp-table-panel').locator('.panel-title .badge');
    return Number((await badge.innerText()).replace(/,/g, ''));
  }

  /** Clicks the first category's column of a chart (product line or country), as a person would. */
  async clickFirstBar(chart: 'gp-product-line-chart' | 'gp-country-chart'): Promise<void> {
    const canvas = this.grossProfit.getByTestId(chart).locator('canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error(`${chart} is not on screen`);
    const categories = await this.filterKeys(
      chart === 'gp-product-line-chart' ? 'filter-product-line' : 'filter-country',
    );
    // The plot area starts right of the value axis (~60 px); categories split the rest evenly.
    const plotLeft = box.x + 60;
    const slot = (box.x + box.width - plotLeft) / Math.max(1, categories.length);
    await this.page.mouse.click(plotLeft + slot / 2, box.y + box.height - 40);
  }

  async filterKeys(picker: 'filter-product-line' | 'filter-country'): Promise<string[]> {
    const labels = await this.grossProfit.getByTestId(picker).getByRole('button').allInnerTexts();
    return labels.filter((l) => l !== 'All');
  }

  /** Waits for a filter chip above the table (set by a bar click or the picker). */
  async waitForFilter(key: string): Promise<void> {
    await this.grossProfit.getByTestId('gp-filter').filter({ hasText: key }).waitFor({ timeout: 5000 });
  }

  async activeFilters(): Promise<string[]> {
    return (await this.grossProfit.getByTestId('gp-filter').allInnerTexts()).map((t) =>
      t.replace('×', '').trim(),
    );
  }

  async pickFilter(picker: 'filter-product-line' | 'filter-country', key: string): Promise<void> {
    await this.grossProfit.getByTestId(picker).getByRole('button', { name: key, exact: true }).click();
  }

  exclusions(): Locator {
    return this.grossProfit.getByTestId('exclusion');
  }

  /** Opens the KPI dashboard and waits until every tile shows a finished chart or an error. */
  async openKpi(): Promise<Locator[]> {
    await this.view.getByTestId('tab-kpi').click();
    await this.kpi.waitFor();
    await this.page.locator('[data-testid=jobs-button]:not(.busy)').waitFor({ timeout: 60_000 });
    const tiles = await this.kpi.locator('[data-testid^=kpi-tile-]:not([data-testid=kpi-tile-foot])').all();
    for (const tile of tiles) {
      await tile
        .locator('.chart-box[data-rendered]')
        .or(tile.getByTestId('error-banner'))
        .first()
        .waitFor({ timeout: 60_000 });
    }
    return tiles;
  }

  async setKpiMonth(month: string): Promise<void> {
    await this.kpi.getByTestId('kpi-month').fill(month);
  }

  /** Runs every KPI query again and waits for the new charts. */
  async refreshKpi(): Promise<void> {
    await this.kpi.getByTestId('kpi-refresh').click();
    // The runs may finish before the busy state is seen; either way openKpi waits for idle.
    await this.page
      .locator('[data-testid=jobs-button].busy')
      .waitFor({ timeout: 2000 })
      .catch(() => undefined);
    await this.openKpi();
  }
}
