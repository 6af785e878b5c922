import type { Locator, Page } from 'playwright-core';

/** Lake in an AWS workspace: buckets and prefixes, the object panel, the upload dialog and the transfer queue. */
export class S3LakePage {
  readonly view: Locator;
  readonly objectPanel: Locator;
  readonly uploadDialog: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.view = page.locator('[data-testid=page-lake][data-kind=aws]');
    this.objectPanel = this.view.getByTestId('object-panel');
    this.uploadDialog = page.getByTestId('upload-dialog');
    this.drawer = this.view.getByTestId('transfers-drawer');
  }

  entries(): Locator {
    return this.view.getByTestId('file-table').locator('tbody tr');
  }

  entry(name: string): Locator {
    return this.entries().filter({ has: this.page.locator('.entry-name', { hasText: name }) });
  }

  async entryNames(): Promise<string[]> {
    return (await this.entries().locator('.entry-name').allInnerTexts()).map((t) => t.trim());
  }

  async waitForEntry(name: string): Promise<void> {
    await this.entry(name).first().waitFor();
  }

  /** Opens a bucket or prefix by its name in the listing and waits for the breadcrumb to show it. */
  async open(name: string): Promise<void> {
    await this.entry(name).getByRole('button').click();
    await this.view.getByTestId('breadcrumbs').getByText(name, { exact: true }).waitFor();
  }

  async openObject(name: string): Promise<void> {
    await this.entry(name).getByRole('button').click();
    await this.objectPanel.filter({ hasText: name }).waitFor();
  }

  async newFolder(name: string): Promise<void> {
    await this.view.getByTestId('new-folder-button').click();
    const dialog = this.page.getByTestId('new-folder-dialog');
    await dialog.getByTestId('new-folder-name').fill(name);
    await dialog.getByTestId('new-folder-create').click();
    await dialog.waitFor({ state: 'detached' });
    await this.view.getByTestId('breadcrumbs').getByText(name, { exact: true }).waitFor();
  }

  /** Drops files on the listing the way a desktop drag does (a DataTransfer holding Files). */
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
    await this.uploadDialog.waitFor();
  }

  /** The proposed destination of each dropped file, once the headers are read. */
  async plan(): Promise<{ name: string; text: string }[]> {
    const rows = this.uploadDialog.getByTestId('upload-plan-file');
    await rows.first().waitFor();
    const out: { name: string; text: string }[] = [];
    for (const row of await rows.all())
      out.push({ name: (await row.getAttribute('data-name')) ?? '', text: await row.innerText() });
    return out;
  }

  async startUpload(): Promise<void> {
    await this.uploadDialog.getByTestId('upload-start').click();
    await this.uploadDialog.getByTestId('upload-items').waitFor();
  }

  /** A file of the upload dialog (or, with `in: 'drawer'`, of the queue). */
  item(name: string, where: 'dialog' | 'drawer' = 'dialog'): Locator {
    const scope = where === 'dialog' ? this.uploadDialog : this.drawer;
    return scope.locator(`[data-testid=transfer-item][data-name="${name}"]`);
  }

  /** Waits until a file reaches one of the states (`done`, `held`, …). */
  async waitForState(name: string, states: string[], where: 'dialog' | 'drawer' = 'dialog'): Promise<void> {
    const selector = states.map((s) => `[data-state=${s}]`).join(', ');
    try {
      await this.item(name, where).and(this.page.locator(selector)).waitFor({ timeout: 20_000 });
    } catch (error) {
      // Say where the file is instead, with what the row shows (its state, note or error).
      const row = this.item(name, where);
      const seen = (await row.count()) > 0 ? await row.first().innerText() : '(not in the list)';
      throw new Error(`${name} did not reach ${states.join('/')}: ${seen}`, { cause: error });
    }
  }

  async state(name: string, where: 'dialog' | 'drawer' = 'dialog'): Promise<string | null> {
    return this.item(name, where).getAttribute('data-state');
  }

  async closeUpload(): Promise<void> {
    await this.uploadDialog.getByTestId('upload-close').click();
    await this.uploadDialog.waitFor({ state: 'detached' });
  }

  async openQueue(): Promise<void> {
    if (!(await this.drawer.isVisible())) await this.view.getByTestId('transfers-button').click();
    await this.drawer.waitFor();
  }

  async closeQueue(): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Close transfers' }).click();
    await this.drawer.waitFor({ state: 'detached' });
  }

  async showDetails(): Promise<Locator> {
    await this.objectPanel.getByRole('tab', { name: 'Details' }).click();
    const details = this.objectPanel.getByTestId('object-details');
    await details.waitFor();
    return details;
  }
}
