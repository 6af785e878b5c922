import type { Locator, Page } from 'playwright-core';

/** Clusters: the lake jobs (local twins of EMR steps) and their history. */
export class ClustersPage {
  readonly view: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('page-clusters');
  }

  card(name: 'gross-profit' | 'process-orders'): Locator {
    return this.view.getByTestId(`lake-job-${name}`);
  }

  /** Runs a job and waits for its counts (or its error). */
  async run(
    name: 'gross-profit' | 'process-orders',
    options: { olderThanDays?: number } = {},
  ): Promise<Locator> {
    const card = this.card(name);
    if (options.olderThanDays !== undefined)
      await card.getByTestId('older-than-days').fill(String(options.olderThanDays));
    await card.getByTestId('lake-job-run').click();
    await card
      .getByTestId('lake-job-result')
      .or(card.getByTestId('error-banner'))
      .first()
      .waitFor({ timeout: 60_000 });
    return card.getByTestId('lake-job-result');
  }

  async counts(name: 'gross-profit' | 'process-orders'): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const chip of await this.card(name).locator('[data-count]').all()) {
      const key = (await chip.getAttribute('data-count')) ?? '';
      counts[key] = Number((await chip.locator('.count-chip-value').innerText()).replace(/,/g, ''));
    }
    return counts;
  }

  historyRows(): Locator {
    return this.view.getByTestId('history-row');
  }
}
