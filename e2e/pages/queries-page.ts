import type { Locator, Page } from 'playwright-core';

/** Queries: saved list, parameters, the SQL editor, and the result (rows or chart). */
export class QueriesPage {
  readonly view: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('page-queries');
    this.result = this.view.getByTestId('result-panel');
  }

  async savedIds(): Promise<string[]> {
    await this.view.getByTestId('saved-query').first().waitFor();
    const ids: string[] = [];
    for (const item of await this.view.getByTestId('saved-query').all())
      ids.push((await item.getAttribute('data-id')) ?? '');
    return ids;
  }

  async select(id: string): Promise<void> {
    await this.view.locator(`[data-testid=saved-query][data-id="${id}"]`).click();
    await this.view.locator(`[data-testid=saved-query][data-id="${id}"][aria-current=true]`).waitFor();
  }

  async title(): Promise<string> {
    return (await this.view.getByTestId('query-title').innerText()).trim();
  }

  async setParam(name: string, value: string): Promise<void> {
    await this.view.getByTestId(`param-${name}`).fill(value);
  }

  /** Replaces the editor's text (inserted, not typed, so completion popups cannot eat newlines). */
  async setSql(sql: string): Promise<void> {
    await this.view.getByTestId('sql-input').click();
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.insertText(sql);
  }

  /** Types at the end of the editor, key by key, and returns the completion labels offered. */
  async completionsAfterTyping(text: string): Promise<string[]> {
    await this.view.getByTestId('sql-input').click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
    const list = this.page.locator('.cm-tooltip-autocomplete');
    await list.waitFor();
    const labels = await list.locator('.cm-completionLabel').allInnerTexts();
    await this.page.keyboard.press('Escape');
    return labels;
  }

  async sql(): Promise<string> {
    return this.view.getByTestId('sql-input').innerText();
  }

  /** Runs (button or Ctrl+Enter in the editor) and waits for a new result or an error. */
  async run(options: { shortcut?: boolean; timeout?: number } = {}): Promise<'result' | 'error'> {
    const previous =
      (await this.result.count()) > 0 ? await this.result.getAttribute('data-result-id') : null;
    if (options.shortcut) {
      await this.view.getByTestId('sql-input').click();
      await this.page.keyboard.press('Control+Enter');
    } else {
      await this.view.getByTestId('query-run').click();
    }
    const fresh = this.view.locator(
      previous
        ? `[data-testid=result-panel]:not([data-result-id="${previous}"])`
        : '[data-testid=result-panel]',
    );
    const error = this.view.getByTestId('error-banner');
    await fresh
      .or(error)
      .first()
      .waitFor({ timeout: options.timeout ?? 60_000 });
    return (await error.count()) > 0 && (await error.first().isVisible()) ? 'error' : 'result';
  }

  /** Starts a run and cancels it once the Cancel button shows; resolves when the view says so. */
  async runAndCancel(): Promise<void> {
    await this.view.getByTestId('query-run').click();
    await this.view.getByTestId('query-cancel').click();
    await this.view.getByText('Query cancelled.').waitFor({ timeout: 10_000 });
  }

  /** Exports the shown result as CSV and returns the downloaded file's name and text. */
  async exportCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.result.getByTestId('export-csv').click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  async rowCount(): Promise<number> {
    return Number((await this.result.getAttribute('data-row-count')) ?? 'NaN');
  }

  async elapsed(): Promise<string> {
    return (await this.view.getByTestId('query-elapsed').innerText()).trim();
  }

  async showRows(): Promise<Locator> {
    await this.result.getByTestId('tab-grid').click();
    const grid = this.result.getByTestId('result-grid');
    await grid.locator('.ag-row[row-index]').first().waitFor();
    return grid;
  }

  async showChart(): Promise<Locator> {
    await this.result.getByTestId('tab-chart').click();
    const chart = this.result.getByTestId('result-chart');
    await chart.waitFor();
    return chart;
  }

  async sortBy(column: string): Promise<void> {
    await this.result.locator(`.ag-header-cell[col-id="${column}"] .ag-header-cell-label`).click();
  }

  /** Waits until the grid's first row shows `text` in `column` (after a sort, say). */
  async waitForFirstCell(column: string, text: string, timeout = 30_000): Promise<void> {
    const cell = this.result
      .locator(`.ag-row[row-index="0"] .ag-cell[col-id="${column}"]`)
      .filter({ hasText: text });
    await cell.waitFor({ timeout });
  }

  async firstCell(column: string): Promise<string> {
    const cell = this.result.locator(`.ag-row[row-index="0"] .ag-cell[col-id="${column}"]`);
    await cell.waitFor();
    return (await cell.innerText()).trim();
  }
}
