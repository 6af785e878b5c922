import type { Locator, Page } from 'playwright-core';

/** Catalog: the crawl and the tables it found. */
export class CatalogPage {
  readonly view: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('page-catalog');
  }

  /** Crawls (from the empty state or the header, whichever shows) and waits for the result. */
  async crawl(): Promise<Locator> {
    await this.view.getByTestId('crawl-button').first().click();
    const done = this.view.getByTestId('crawl-result').or(this.view.getByTestId('error-banner'));
    await done.first().waitFor({ timeout: 60_000 });
    return this.view.getByTestId('crawl-result');
  }

  async tableNames(): Promise<string[]> {
    await this.view.getByTestId('catalog-row').first().waitFor();
    const names: string[] = [];
    for (const row of await this.view.getByTestId('catalog-row').all())
      names.push((await row.getAttribute('data-table')) ?? '');
    return names;
  }

  async search(text: string): Promise<void> {
    await this.view.getByTestId('catalog-search').fill(text);
  }

  async expand(table: string): Promise<Locator> {
    await this.view
      .locator(`[data-testid=catalog-row][data-table="${table}"]`)
      .getByRole('button', { expanded: false })
      .click();
    const detail = this.view.getByTestId('catalog-detail').first();
    await detail.waitFor();
    return detail;
  }
}
