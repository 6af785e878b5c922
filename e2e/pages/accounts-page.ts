import type { Locator, Page } from 'playwright-core';

export interface AwsWorkspaceChoice {
  accountName: string;
  role: string;
  region: string;
}

/** Accounts: workspaces, AWS organisations and their sign-ins, accounts and roles, local lakes. */
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

  // Organisations and sign-in

  organisation(session: string): Locator {
    return this.view.locator(`[data-testid=organisation-item][data-session="${session}"]`);
  }

  /** The sign-in state as the row shows it: signedOut, pending, signedIn or expired. */
  async signInState(session: string): Promise<string | null> {
    return this.organisation(session).getByTestId('organisation-state').getAttribute('data-state');
  }

  async waitForSignInState(session: string, state: string, timeout = 15_000): Promise<void> {
    await this.organisation(session)
      .locator(`[data-testid=organisation-state][data-state=${state}]`)
      .waitFor({ timeout });
  }

  /** Opens "Add organisation" and fills it in; `submitOrganisation` saves it. */
  async fillOrganisation(o: { startUrl: string; region: string; name?: string }): Promise<Locator> {
    await this.view.getByTestId('add-organisation').click();
    const dialog = this.page.getByTestId('add-organisation-dialog');
    await dialog.getByTestId('add-organisation-url').fill(o.startUrl);
    await dialog.getByTestId('add-organisation-region').selectOption(o.region);
    if (o.name) await dialog.getByTestId('add-organisation-name').fill(o.name);
    return dialog;
  }

  async submitOrganisation(): Promise<void> {
    const dialog = this.page.getByTestId('add-organisation-dialog');
    await dialog.getByTestId('add-organisation-submit').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Clicks Sign in and returns the code the app shows while it waits for approval. */
  async startSignIn(session: string): Promise<{ code: string; card: Locator }> {
    await this.organisation(session).getByTestId('organisation-sign-in').click();
    const card = this.organisation(session).getByTestId('device-code');
    await card.waitFor({ timeout: 15_000 });
    const code = (await card.getByTestId('device-code-value').innerText()).trim();
    return { code, card };
  }

  async signOut(session: string): Promise<void> {
    await this.organisation(session).getByTestId('organisation-sign-out').click();
    await this.waitForSignInState(session, 'signedOut');
  }

  // Accounts and roles

  accountsSection(): Locator {
    return this.view.getByTestId('accounts-section');
  }

  accountRows(): Locator {
    return this.accountsSection().getByTestId('account-item');
  }

  account(name: string): Locator {
    return this.accountsSection().locator(`[data-testid=account-item][data-account-name="${name}"]`);
  }

  /** Waits until the listing job has finished and the count reads "N accounts". */
  async waitForAccounts(count: number, timeout = 30_000): Promise<void> {
    await this.accountsSection().getByTestId('account-progress').waitFor({ state: 'detached', timeout });
    await this.accountsSection()
      .getByTestId('account-count')
      .filter({ hasText: new RegExp(`^${count.toLocaleString('en-US')} accounts`) })
      .waitFor({ timeout });
  }

  async search(text: string): Promise<void> {
    await this.accountsSection().getByTestId('account-search').fill(text);
  }

  async toggleFavourite(name: string): Promise<void> {
    await this.account(name).getByTestId('account-favourite').click();
  }

  async setColour(name: string, colour: string): Promise<void> {
    await this.account(name).getByTestId('account-colour').click();
    await this.account(name).locator(`[data-testid=colour-swatch][data-colour="${colour}"]`).click();
    await this.account(name).locator(`[data-testid=account-colour][data-colour="${colour}"]`).waitFor();
  }

  /** Chooses account, role and region, opens the workspace, and waits for the top bar to show it. */
  async openWorkspace(choice: AwsWorkspaceChoice): Promise<void> {
    await this.search(choice.accountName);
    await this.account(choice.accountName).getByTestId('account-select').click();
    const form = this.accountsSection().getByTestId('open-workspace-form');
    await form
      .getByTestId('role-option')
      .and(this.page.locator(`[value="${choice.role}"]`))
      .check();
    await form.getByTestId('workspace-region').selectOption(choice.region);
    await form.getByTestId('open-workspace-submit').click();
    await this.activeAwsWorkspace(choice).waitFor();
  }

  /** The card of an AWS workspace in the workspace list. */
  awsWorkspace(choice: AwsWorkspaceChoice): Locator {
    return this.workspaces()
      .and(this.page.locator('[data-kind=aws]'))
      .filter({
        has: this.page.getByTestId('workspace-account-name').getByText(choice.accountName, { exact: true }),
      })
      .filter({ has: this.page.getByTestId('workspace-role').getByText(choice.role, { exact: true }) })
      .filter({ has: this.page.getByTestId('workspace-region').getByText(choice.region, { exact: true }) });
  }

  activeAwsWorkspace(choice: AwsWorkspaceChoice): Locator {
    return this.awsWorkspace(choice).and(this.page.locator('[data-active=true]'));
  }

  async switchToAws(choice: AwsWorkspaceChoice): Promise<void> {
    await this.awsWorkspace(choice).getByTestId('workspace-switch').click();
    await this.activeAwsWorkspace(choice).waitFor();
  }
}
