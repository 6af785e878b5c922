import type { Locator, Page } from 'playwright-core';

/** Clusters in an AWS workspace: EMR clusters, their steps, and the gross-profit step. */
export class EmrClustersPage {
  readonly view: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('page-clusters');
  }

  clusterRow(name: string): Locator {
    return this.view.locator(`[data-testid=cluster-row][data-name="${name}"]`);
  }

  async openCluster(name: string): Promise<Locator> {
    await this.clusterRow(name).click();
    const id = await this.clusterRow(name).getAttribute('data-cluster');
    const detail = this.view.locator(`[data-testid=cluster-detail][data-cluster="${id}"]`);
    await detail.getByTestId('cluster-cost').waitFor();
    return detail;
  }

  async filter(which: 'active' | 'terminated' | 'all'): Promise<void> {
    await this.view.getByTestId(`cluster-filter-${which}`).click();
  }

  async openLaunch(): Promise<Locator> {
    await this.view.getByTestId('launch-cluster').click();
    const dialog = this.page.getByTestId('launch-dialog');
    await dialog.waitFor();
    return dialog;
  }

  /** Opens the gross-profit form, fills it, submits, and returns the panel that watches the step. */
  async submitGrossProfit(
    options: { database?: string; rates?: Record<string, string> } = {},
  ): Promise<Locator> {
    await this.view.getByTestId('submit-gross-profit').click();
    const dialog = this.page.getByTestId('gross-profit-dialog');
    await dialog.waitFor();
    if (options.database) await dialog.getByTestId('gross-profit-database').selectOption(options.database);
    if (options.rates) {
      await dialog.getByTestId('gross-profit-set-rates').check();
      for (const [currency, rate] of Object.entries(options.rates))
        await dialog.getByTestId(`gross-profit-rate-${currency}`).fill(rate);
    }
    await dialog.getByTestId('gross-profit-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    const panel = this.view.getByTestId('submitted-step').first();
    await panel.waitFor();
    return panel;
  }

  /** Waits until a submitted run has ended (its step final and its watching job done). */
  async waitForRunEnd(panel: Locator, timeout = 30_000): Promise<string> {
    await panel.and(this.page.locator('[data-ended=true]')).waitFor({ timeout });
    return (await panel.getAttribute('data-state')) ?? '';
  }

  /** The text of the preview grid's cell in `row` (0-based) under `column`. */
  async cell(panel: Locator, row: number, column: string): Promise<string> {
    const cell = panel.locator(`[data-testid=output-grid] .ag-row[row-index="${row}"] [col-id="${column}"]`);
    return (await cell.innerText()).trim();
  }
}
