import type { Locator, Page } from 'playwright-core';

/** Catalog in an AWS workspace: Glue tables with their permissions, and the crawlers. */
export class GlueCatalogPage {
  readonly view: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('page-catalog');
  }

  /** Opens a route of the catalog, e.g. `crawlers?prefix=s3://lake-raw/`, as a link elsewhere would. */
  async openRoute(subAndQuery: string): Promise<void> {
    // The page's own location, typed loosely: e2e code compiles without the DOM library.
    await this.page.evaluate((hash) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
    }, `#/catalog/${subAndQuery}`);
    await this.view.waitFor({ state: 'visible' });
  }

  async showTab(tab: 'tables' | 'crawlers'): Promise<void> {
    await this.view.getByTestId(`tab-${tab}`).click();
  }

  // Crawlers

  offeredCrawler(name: string): Locator {
    return this.view.locator(`[data-testid=offered-crawler][data-crawler="${name}"]`);
  }

  crawlerRow(name: string): Locator {
    return this.view.locator(`[data-testid=crawler-row][data-crawler="${name}"]`);
  }

  /** READY, RUNNING or STOPPING, as the crawler's row shows it. */
  async crawlerState(name: string): Promise<string | null> {
    return this.crawlerRow(name).getByTestId('crawler-state').getAttribute('data-state');
  }

  async waitForCrawlerState(name: string, state: string, timeout = 20_000): Promise<void> {
    await this.crawlerRow(name)
      .locator(`[data-testid=crawler-state][data-state=${state}]`)
      .waitFor({ timeout });
  }

  async startCrawler(name: string): Promise<void> {
    await this.crawlerRow(name).getByTestId('crawler-start').click();
  }

  async openCrawler(name: string): Promise<Locator> {
    const detail = this.view.locator(`[data-testid=crawler-detail][data-crawler="${name}"]`);
    if (!(await detail.isVisible())) await this.crawlerRow(name).getByRole('button', { name }).click();
    await detail.waitFor();
    return detail;
  }

  /** The pipeline link shown when a watched crawl ends. */
  outcome(crawler: string): Locator {
    return this.view.locator(`[data-testid=crawl-outcome][data-crawler="${crawler}"]`);
  }

  async waitForOutcome(crawler: string, status: string, timeout = 20_000): Promise<Locator> {
    const panel = this.view.locator(
      `[data-testid=crawl-outcome][data-crawler="${crawler}"][data-status=${status}]`,
    );
    await panel.waitFor({ timeout });
    return panel;
  }

  async attributes(scope: Locator, testId: string, attribute: string): Promise<string[]> {
    const values: string[] = [];
    for (const item of await scope.getByTestId(testId).all())
      values.push((await item.getAttribute(attribute)) ?? '');
    return values;
  }

  /** Opens the New crawler dialog. */
  async openCreateCrawler(): Promise<Locator> {
    await this.view.getByTestId('new-crawler').click();
    const dialog = this.page.getByTestId('create-crawler-dialog');
    await dialog.waitFor();
    return dialog;
  }

  // Tables

  tableRows(): Locator {
    return this.view.getByTestId('glue-table-row');
  }

  async tableNames(): Promise<string[]> {
    await this.tableRows().first().waitFor();
    return this.attributes(this.view.getByTestId('glue-tables'), 'glue-table-row', 'data-table');
  }

  async search(text: string): Promise<void> {
    await this.view.getByTestId('glue-search').fill(text);
  }

  async openTable(name: string): Promise<Locator> {
    await this.view.locator(`[data-testid=glue-table-row][data-table="${name}"]`).getByRole('button').click();
    const detail = this.view.locator(`[data-testid=glue-table-detail][data-table="${name}"]`);
    await detail.getByTestId('table-columns').waitFor();
    return detail;
  }

  /** A column's type as the table's detail lists it. */
  async columnType(detail: Locator, column: string): Promise<string> {
    return detail
      .locator(`[data-testid=table-column][data-column="${column}"]`)
      .getByTestId('column-type')
      .innerText();
  }

  async permissionGranted(detail: Locator, permission: string): Promise<boolean> {
    const check = detail.locator(`[data-testid=permission-check][data-permission="${permission}"]`);
    return (await check.getAttribute('data-granted')) === 'true';
  }
}
