import type { Locator, Page } from 'playwright-core';

/** Accounts: workspaces (local lake folders) and the AWS section. */
export class AccountsPage {
  readonly view: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('page-accounts');
  }

  workspaces(): Locator {
    return this.view.getByTestId('workspace-item');
  }

  async open(path: string): Promise<void> {
    await this.view.getByTestId('open-folder-path').fill(path);
    await this.view.getByTestId('open-folder-submit').click();
  }

  workspace(name: string): Locator {
    return this.workspaces().filter({ has: this.page.locator('.workspace-item-name', { hasText: name }) });
  }

  async switchTo(name: string): Promise<void> {
    await this.workspace(name).getByTestId('workspace-switch').click();
    await this.page.getByTestId('active-workspace-name').filter({ hasText: name }).waitFor();
  }

  async forget(name: string): Promise<void> {
    await this.workspace(name).getByTestId('workspace-forget').click();
    await this.workspace(name).waitFor({ state: 'detached' });
  }

  awsSection(): Locator {
    return this.view.getByTestId('aws-section');
  }
}
