import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';

/**
 * A grid row whose data has arrived. The grids read pages on demand, and a row of a page still on
 * its way is drawn with empty (or skeleton) cells; a loaded row has at least one value.
 */
export const LOADED_ROW = '.ag-row:has(.ag-cell-value:not(:empty))';

/** The few browser globals dropFile uses inside the page. */
interface PageDom {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: Uint8Array[], name: string) => unknown;
  DragEvent: new (type: string, init: Record<string, unknown>) => unknown;
  document: { querySelector(selector: string): { dispatchEvent(event: unknown): boolean } | null };
}

export interface IntegrityState {
  verified: boolean;
  text: string;
  /** Members the warning names. */
  members: string[];
}

/** Reports › export menus, report files and an opened .lakereport (the bundle view). */
export class BundlePage {
  readonly reports: Locator;
  readonly bundle: Locator;

  constructor(readonly page: Page) {
    this.reports = page.getByTestId('page-reports');
    this.bundle = this.reports.getByTestId('bundle-view');
  }

  /** Opens the Export report menu inside `scope` (a report view or a query result). */
  async openExportMenu(scope: Locator): Promise<Locator> {
    await scope.getByTestId('export-report-button').click();
    const menu = scope.getByTestId('export-report-menu');
    await menu.waitFor();
    return menu;
  }

  /** Picks a format from the open menu and waits for the browser download it ends with. */
  async exportAndDownload(scope: Locator, format: 'bundle' | 'xlsx' | 'pdf'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 45_000 }),
      scope.getByTestId(`export-${format}`).click(),
    ]);
    return download;
  }

  async showReportFiles(): Promise<Locator> {
    await this.reports.getByTestId('tab-files').click();
    const files = this.reports.getByTestId('report-files');
    await files.waitFor();
    return files;
  }

  /**
   * Opens a file through "Open report…" (browser mode's file input), or by dropping it on the
   * window, and waits until its view shows its head, or an error.
   */
  async openFile(path: string, options: { by?: 'input' | 'drop' } = {}): Promise<void> {
    const previous = await this.openedPath();
    if (options.by === 'drop') {
      await this.dropFile(path);
    } else {
      // The header's "Open report…" or the Report files tab's: either input opens the file.
      await this.reports.getByTestId('open-report-input').first().setInputFiles(path);
    }
    const fresh = this.reports.locator(
      previous ? `[data-testid=bundle-view]:not([data-path="${previous}"])` : '[data-testid=bundle-view]',
    );
    await fresh
      .getByTestId('bundle-head')
      .or(fresh.getByTestId('error-banner'))
      .first()
      .waitFor({ timeout: 30_000 });
  }

  /** Drags a file from "the desktop" onto the window's content and drops it there. */
  async dropFile(path: string): Promise<void> {
    const data = (await readFile(path)).toString('base64');
    await this.page.evaluate(
      ({ name, data }) => {
        // Runs in the page; e2e code is typed for Node, so the DOM is reached through this view.
        const dom = globalThis as unknown as PageDom;
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const transfer = new dom.DataTransfer();
        transfer.items.add(new dom.File([bytes], name));
        const target = dom.document.querySelector('[data-testid=content]');
        for (const type of ['dragenter', 'dragover', 'drop'])
          target?.dispatchEvent(
            new dom.DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
      },
      { name: basename(path), data },
    );
  }

  async openedPath(): Promise<string | null> {
    return (await this.bundle.count()) > 0 ? this.bundle.getAttribute('data-path') : null;
  }

  async title(): Promise<string> {
    return (await this.bundle.getByTestId('bundle-title').innerText()).trim();
  }

  async integrity(): Promise<IntegrityState> {
    const banner = this.bundle.getByTestId('bundle-integrity');
    const members: string[] = [];
    for (const problem of await banner.getByTestId('integrity-problem').all())
      members.push((await problem.getAttribute('data-member')) ?? '');
    return {
      verified: (await banner.getAttribute('data-verified')) === 'true',
      text: (await banner.innerText()).replace(/\s+/g, ' ').trim(),
      members,
    };
  }

  async errorText(): Promise<string> {
    return (await this.bundle.getByTestId('error-banner').innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Waits until every chart of the bundle has been drawn; returns how many there are. */
  async chartsDrawn(): Promise<number> {
    const charts = this.bundle.getByTestId('bundle-chart');
    await charts.first().waitFor();
    const count = await charts.count();
    for (let i = 0; i < count; i++)
      await charts.nth(i).locator('.chart-box[data-rendered] canvas').waitFor({ timeout: 10_000 });
    return count;
  }

  /** The shown table's grid (the first table unless another tab was picked). */
  tableGrid(): Locator {
    return this.bundle.getByTestId('bundle-table');
  }

  async tableRowCount(): Promise<number> {
    await this.tableGrid().locator(`${LOADED_ROW}[row-index="0"]`).waitFor();
    return Number(await this.tableGrid().getAttribute('data-row-count'));
  }

  /** The text of one cell of a grid, by row index and column name, once its row has loaded. */
  async cell(grid: Locator, row: number, column: string): Promise<string> {
    const cell = grid.locator(`${LOADED_ROW}[row-index="${row}"] .ag-cell[col-id="${column}"]`);
    await cell.waitFor();
    return (await cell.innerText()).trim();
  }

  async sortBy(grid: Locator, column: string): Promise<void> {
    await grid.locator(`.ag-header-cell[col-id="${column}"] .ag-header-cell-label`).click();
  }

  /**
   * Every row of a bundled table as the grid's data source reads it (`reports.pageBundle` through
   * the page's own session), for comparing whole tables rather than the rows on screen.
   */
  async allRows(table: string): Promise<(string | number | boolean | null)[][]> {
    const bundleId = await this.bundle.getByTestId('bundle-head').getAttribute('data-bundle-id');
    return this.page.evaluate(
      async ({ bundleId, table }) => {
        const response = await fetch('/api/reports.pageBundle', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ bundleId, target: { table }, offset: 0, limit: 5000 }),
        });
        const body = (await response.json()) as { ok: boolean; value: { rows: [] } };
        if (!body.ok) throw new Error(JSON.stringify(body));
        return body.value.rows;
      },
      { bundleId, table },
    );
  }

  /** Runs SQL in the bundle's SQL box with Ctrl+Enter and waits for its result grid. */
  async runSql(sql: string): Promise<Locator> {
    const box = this.bundle.getByTestId('bundle-sql');
    const result = box.getByTestId('bundle-sql-result');
    const previous = (await result.count()) > 0 ? await result.getAttribute('data-result-id') : null;
    await box.getByTestId('sql-input').click();
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.insertText(sql);
    await this.page.keyboard.press('Control+Enter');
    const fresh = box.locator(
      previous
        ? `[data-testid=bundle-sql-result]:not([data-result-id="${previous}"])`
        : '[data-testid=bundle-sql-result]',
    );
    await fresh.locator(`${LOADED_ROW}[row-index="0"]`).or(box.getByTestId('error-banner')).first().waitFor();
    return fresh;
  }

  async close(): Promise<void> {
    await this.bundle.getByTestId('bundle-close').first().click();
    await this.bundle.waitFor({ state: 'detached' });
  }

  /** Scrolls the content area so `target` sits at the top, for a screenshot of that part. */
  async scrollTo(target: Locator): Promise<void> {
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  }

  /** Scrolls the window's content back to the top (page title and tabs in view). */
  async scrollToTop(): Promise<void> {
    await this.page.getByTestId('content').evaluate((el) => el.scrollTo({ top: 0 }));
  }

  /** Scrolls a grid back to its first column (a header click scrolls its column into view). */
  async scrollGridLeft(grid: Locator): Promise<void> {
    // The grid follows its horizontal scrollbar's scroll events.
    await grid
      .locator('.ag-body-horizontal-scroll-viewport')
      .first()
      .evaluate((el) => (el.scrollLeft = 0));
  }

  /** A recent report of Report files by its path (the list is read again whenever shown). */
  recentItem(path: string, exists?: boolean): Locator {
    const state = exists === undefined ? '' : `[data-exists="${exists}"]`;
    return this.reports.locator(`[data-testid=recent-report][data-path="${path}"]${state}`);
  }

  /** The recent reports of Report files, by path, with whether each file is still there. */
  async recent(): Promise<{ path: string; exists: boolean }[]> {
    const files = this.reports.getByTestId('report-files');
    await files.getByTestId('recent-report').first().waitFor();
    const items: { path: string; exists: boolean }[] = [];
    for (const item of await files.getByTestId('recent-report').all()) {
      items.push({
        path: (await item.getAttribute('data-path')) ?? '',
        exists: (await item.getAttribute('data-exists')) === 'true',
      });
    }
    return items;
  }
}
