import type { Locator, Page } from 'playwright-core';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Lake (files): breadcrumb browser, file panel (preview, profile, validate), import dialog. */
export class LakePage {
  readonly view: Locator;
  readonly filePanel: Locator;
  readonly importDialog: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('page-lake');
    this.filePanel = this.view.getByTestId('file-panel');
    this.importDialog = page.getByTestId('import-dialog');
  }

  entries(): Locator {
    return this.view.getByTestId('file-table').locator('tbody tr');
  }

  async entryNames(): Promise<string[]> {
    return (await this.entries().locator('.entry-name').allInnerTexts()).map((t) => t.trim());
  }

  /** Waits until the folder listing shows an entry (it reloads after an import). */
  async waitForEntry(name: string): Promise<void> {
    await this.entries().filter({ hasText: name }).first().waitFor();
  }

  async openFolder(name: string): Promise<void> {
    await this.view.getByTestId('entry-folder').filter({ hasText: name }).getByRole('button').click();
    await this.view.getByTestId('breadcrumbs').getByText(name, { exact: true }).waitFor();
    await this.entries().first().waitFor();
  }

  async openFile(name: string): Promise<void> {
    await this.view.getByTestId('entry-file').filter({ hasText: name }).getByRole('button').click();
    await this.filePanel.waitFor();
  }

  async crumbs(): Promise<string[]> {
    return (await this.view.getByTestId('breadcrumbs').getByRole('button').allInnerTexts()).map((t) =>
      t.trim(),
    );
  }

  async goToRoot(): Promise<void> {
    await this.view.getByTestId('crumb-root').click();
  }

  /** Rows the preview grid has drawn (ag-grid renders only what is in view). */
  async previewRows(): Promise<number> {
    const grid = this.filePanel.getByTestId('preview-grid');
    await grid.locator('.ag-row').first().waitFor();
    return grid.locator('.ag-row[row-index]').count();
  }

  async previewHeaders(): Promise<string[]> {
    return this.filePanel.getByTestId('preview-grid').locator('.ag-header-cell-text').allInnerTexts();
  }

  async showProfile(): Promise<Locator> {
    await this.filePanel.getByTestId('tab-profile').click();
    const profile = this.filePanel.getByTestId('profile');
    await profile.waitFor();
    return profile;
  }

  /** Runs validation (dataset recognised unless named) and returns the result block. */
  async validate(dataset?: string): Promise<Locator> {
    await this.filePanel.getByTestId('tab-validate').click();
    if (dataset) await this.filePanel.getByTestId('validate-dataset').selectOption(dataset);
    await this.filePanel.getByTestId('validate-run').click();
    const result = this.filePanel
      .getByTestId('validate-result')
      .or(this.filePanel.getByTestId('error-banner'));
    await result.first().waitFor({ timeout: 30_000 });
    return this.filePanel.getByTestId('validate-result');
  }

  /** Picks files as the file dialog would (the same path as a drop) and waits for the preflight. */
  async chooseFiles(files: UploadFile[]): Promise<void> {
    await this.view.getByTestId('import-input').setInputFiles(files);
    await this.importDialog.waitFor();
  }

  /** Drops files on the folder view the way a desktop drag does (a DataTransfer holding Files). */
  async dropFiles(files: { name: string; text: string }[]): Promise<void> {
    // Runs in the page; e2e code is typed for Node, so the DOM classes are declared by hand.
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const dom = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
      };
      const transfer = new dom.DataTransfer();
      for (const f of list) transfer.items.add(new dom.File([f.text], f.name, { type: 'text/csv' }));
      return transfer;
    }, files);
    const target = this.view.getByTestId('folder-view');
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
    await this.importDialog.waitFor();
  }

  async cancelImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: 'Cancel' }).click();
    await this.importDialog.waitFor({ state: 'detached' });
  }

  async startImport(): Promise<void> {
    await this.importDialog.getByTestId('import-start').click();
    await this.importDialog.getByTestId('import-outcome').first().waitFor({ timeout: 30_000 });
  }

  async outcomes(): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const row of await this.importDialog.getByTestId('import-outcome').all()) {
      const name = (await row.locator('.mono.strong').innerText()).trim();
      result[name] = (await row.getAttribute('data-status')) ?? '';
    }
    return result;
  }

  async resolveHeld(choice: 'Quarantine' | 'Skip', fileName: string): Promise<void> {
    const row = this.importDialog.getByTestId('import-outcome').filter({ hasText: fileName });
    await row.getByText(choice, { exact: true }).click();
    await this.importDialog.getByTestId('import-resolve').click();
    await this.importDialog.getByTestId('import-close').waitFor({ timeout: 30_000 });
  }

  async closeImport(): Promise<void> {
    await this.importDialog.getByTestId('import-close').click();
    await this.importDialog.waitFor({ state: 'detached' });
  }
}
