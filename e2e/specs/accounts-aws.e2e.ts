import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/emulator';
import { AccountsPage, type AwsWorkspaceChoice } from '../pages/accounts-page';
import { ConsolePage } from '../pages/console-page';
import { openConsole, type ConsoleSession } from '../support/session';

const ACCOUNTS = 300;
const PROD: AwsWorkspaceChoice = { accountName: 'finance-prod', role: 'ReadOnly', region: 'eu-west-1' };
const TEST: AwsWorkspaceChoice = {
  accountName: 'finance-test',
  role: 'FinanceAnalyst',
  region: 'eu-central-1',
};
/** Field names that carry credentials in the SSO token cache, OIDC and the SSO portal. */
const SECRET_FIELDS = /"(accessToken|secretAccessKey|sessionToken|refreshToken|clientSecret|deviceCode)"\s*:/;

// Signs in to the AWS emulator through the UI (device code shown, approved by the emulator's test
// hook), lists a few hundred accounts under throttling, opens two AWS workspaces and switches between
// them, and checks that no secret ever reaches the page: every /api answer and every event is kept.
describe('AWS accounts in the console (emulator)', () => {
  let emulator: Emulator;
  let awsHome: string;
  let session: ConsoleSession;
  let shell: ConsolePage;
  let accounts: AccountsPage;
  const answers: string[] = [];
  const reading: Promise<unknown>[] = [];

  /** Screenshots in both schemes: the console follows the OS setting live, so one session does both. */
  const shoot = async (name: string, options: { keepToasts?: boolean } = {}) => {
    if (!options.keepToasts) await shell.dismissToasts();
    for (const colorScheme of ['dark', 'light'] as const) {
      await session.page.emulateMedia({ colorScheme });
      await session.page.waitForTimeout(150);
      await session.screenshot(`accounts-${name}-${colorScheme}`);
    }
  };

  beforeAll(async () => {
    emulator = await startEmulator({ accounts: ACCOUNTS, s3: false, pipeline: false, seed: 4 });
    // A quarter of the ListAccounts pages answer 429 first: the listing must back off and carry on.
    emulator.faults.add('sso', { kind: 'throttle', operations: ['ListAccounts'], rate: 0.25 });
    awsHome = await mkdtemp(join(tmpdir(), 'lakedesk-e2e-aws-home-'));
    session = await openConsole({ env: { ...emulator.env, HOME: awsHome } });
    session.page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (!path.startsWith('/api/') || path === '/api/events') return;
      reading.push(
        response.text().then(
          (body) => answers.push(`${path} ${body}`),
          () => undefined,
        ),
      );
    });
    // Bounded waits: a missing element fails in seconds, keeping the spec inside its minute.
    session.page.setDefaultTimeout(10_000);
    shell = new ConsolePage(session.page);
    accounts = new AccountsPage(session.page);
    await shell.ready();
    // A second subscriber to the event stream, recording every event the page could receive.
    await session.page.evaluate(() => {
      const page = globalThis as unknown as {
        recordedEvents: string[];
        EventSource: new (url: string) => { onmessage: ((event: { data: unknown }) => void) | null };
      };
      page.recordedEvents = [];
      new page.EventSource('/api/events').onmessage = (event) => page.recordedEvents.push(String(event.data));
    });
    await shell.goTo('accounts');
  });

  afterAll(async () => {
    await session?.close();
    await emulator?.stop();
    if (awsHome) await rm(awsHome, { recursive: true, force: true });
  });

  it('lists the emulator organisation, signed out, and adds another one', async () => {
    await accounts.waitForSignInState(emulator.sessionName, 'signedOut');
    const dialog = await accounts.fillOrganisation({
      startUrl: 'https://acme-finance.awsapps.com/start',
      region: 'eu-central-1',
    });
    // The name is suggested from the start URL; it becomes [sso-session acme-finance].
    expect(await dialog.getByTestId('add-organisation-name').inputValue()).toBe('acme-finance');
    await shoot('add-organisation');
    await accounts.submitOrganisation();
    await accounts.waitForSignInState('acme-finance', 'signedOut');
    expect(await accounts.organisation('acme-finance').innerText()).toContain(
      'https://acme-finance.awsapps.com/start',
    );
  });

  it('signs in with the device code shown in the app, approved in the "browser"', async () => {
    const { code, card } = await accounts.startSignIn(emulator.sessionName);
    expect(code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(emulator.store.pendingUserCodes()).toContain(code);
    const link = card.getByTestId('device-code-link');
    expect(await link.getAttribute('href')).toBe(`${emulator.endpoints.sso_oidc}/device?user_code=${code}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await card.scrollIntoViewIfNeeded();
    await shoot('sign-in-code');

    expect(emulator.approveDevice(code)).toBe(true);
    await accounts.waitForSignInState(emulator.sessionName, 'signedIn');
    const countdown = await accounts
      .organisation(emulator.sessionName)
      .getByTestId('organisation-countdown')
      .innerText();
    expect(countdown).toMatch(/^\d+ min \d\d s left|^\d+ h \d\d min left/);
    expect(await accounts.organisation(emulator.sessionName).getByTestId('device-code').count()).toBe(0);
  });

  it(`lists ${ACCOUNTS} accounts through throttling, searchable, with favourites and colours`, async () => {
    await accounts.waitForAccounts(ACCOUNTS);
    expect(emulator.faults.count('sso', 'throttle')).toBeGreaterThan(0);
    expect(await accounts.accountRows().count()).toBe(ACCOUNTS);

    // Red for production and green for test out of the box; a colour can be changed.
    expect(
      await accounts.account('finance-prod').getByTestId('account-colour').getAttribute('data-colour'),
    ).toBe('#c62828');
    expect(
      await accounts.account('finance-test').getByTestId('account-colour').getAttribute('data-colour'),
    ).toBe('#2e7d32');
    await accounts.setColour('team-002-dev', '#ef6c00');

    await accounts.toggleFavourite('team-009-staging');
    await accounts.toggleFavourite('finance-test');
    // Favourites come first, then by name.
    await expect
      .poll(() => accounts.accountRows().first().getAttribute('data-account-name'))
      .toBe('finance-test');
    expect(await accounts.accountRows().nth(1).getAttribute('data-account-name')).toBe('team-009-staging');

    await accounts.search('finance');
    expect(await accounts.accountRows().count()).toBe(2);
    await accounts.search('');
    await accounts.account('finance-prod').getByTestId('account-select').click();
    await accounts.accountsSection().getByTestId('role-option').first().waitFor();
    await accounts.accountsSection().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot('list');
  });

  it('opens two AWS workspaces and shows them side by side, clearly labelled', async () => {
    await accounts.openWorkspace(PROD);
    expect(await shell.activeAws()).toEqual({
      accountName: 'finance-prod',
      accountId: emulator.accounts[0]!.accountId,
      role: 'ReadOnly',
      region: 'eu-west-1',
    });
    await accounts.openWorkspace(TEST);
    expect(await shell.activeAws()).toMatchObject({ accountName: 'finance-test', role: 'FinanceAnalyst' });

    const cards = accounts.workspaces().and(session.page.locator('[data-kind=aws]'));
    expect(await cards.count()).toBe(2);
    expect(await accounts.awsWorkspace(PROD).getByTestId('colour-chip').getAttribute('data-colour')).toBe(
      '#c62828',
    );
    expect(await accounts.awsWorkspace(TEST).getByTestId('colour-chip').getAttribute('data-colour')).toBe(
      '#2e7d32',
    );
    const [first, second] = await Promise.all([cards.nth(0).boundingBox(), cards.nth(1).boundingBox()]);
    expect(Math.abs((first?.y ?? 0) - (second?.y ?? 1))).toBeLessThan(2);

    // The identity AWS reports for the active workspace.
    const identity = accounts.activeAwsWorkspace(TEST).getByTestId('workspace-identity');
    await identity.getByText(`arn:aws:sts::${emulator.accounts[1]!.accountId}:assumed-role/`).waitFor();
    expect(await session.page.getByTestId('active-workspace-identity').innerText()).toContain(
      'finance.user@example.com',
    );
    await session.page.getByTestId('page-accounts').evaluate((el) => el.parentElement?.scrollTo(0, 0));
    await shoot('workspaces');
  });

  it('switches between the AWS workspaces from the top bar and the list', async () => {
    await shell.switchWorkspace('finance-prod');
    await accounts.activeAwsWorkspace(PROD).waitFor();
    expect(await shell.activeAws()).toMatchObject({ accountName: 'finance-prod', role: 'ReadOnly' });
    await accounts
      .activeAwsWorkspace(PROD)
      .getByTestId('workspace-identity')
      .getByText(':assumed-role/')
      .waitFor();
    expect(await accounts.activeAwsWorkspace(PROD).getByTestId('workspace-identity').innerText()).toContain(
      emulator.accounts[0]!.accountId,
    );

    await accounts.switchToAws(TEST);
    expect(await shell.activeAws()).toMatchObject({ accountName: 'finance-test', region: 'eu-central-1' });
    await shell.dismissToasts();
    await session.page.getByTestId('workspace-switcher').click();
    await session.page.getByTestId('workspace-switcher-menu').waitFor();
    // Dismissing a toast is a click outside the menu, which closes it: leave them be here.
    await shoot('switcher', { keepToasts: true });
    await session.page.keyboard.press('Escape');
  });

  it('shows a clear notice, not a crash, in areas that work on local lakes only', async () => {
    // Lake, Catalog and Clusters work on AWS (S3, Glue, EMR): transfers-aws.e2e.ts and pipeline-aws.e2e.ts cover them.
    for (const area of ['queries', 'reports'] as const) {
      await session.page.getByTestId(`nav-${area}`).click();
      const container = session.page.locator(`[data-area=${area}]`);
      const pending = container.getByTestId('aws-area-pending');
      await pending.waitFor();
      expect(await pending.innerText()).toContain('for now');
      expect(await container.getByTestId('error-banner').count()).toBe(0);
    }
    await shoot('aws-area-pending');
  });

  it('keeps the local lake working beside the AWS workspaces', async () => {
    await shell.goTo('accounts');
    await accounts.switchTo('sample-lake');
    expect(await session.page.getByTestId('active-workspace').innerText()).toContain('Local lake');
    const lake = await shell.goTo('lake');
    await lake.getByRole('button', { name: 'Refresh' }).waitFor();
    expect(await session.page.getByTestId('aws-area-pending').count()).toBe(0);
    await shell.goTo('accounts');
  });

  it('signs out: the accounts go, the workspaces stay listed', async () => {
    await accounts.signOut(emulator.sessionName);
    await accounts.accountsSection().waitFor({ state: 'detached' });
    expect(emulator.calls('sso', 'Logout')).toBe(1);
    expect(await accounts.workspaces().count()).toBe(3);
  });

  it('never lets a secret reach the page: answers and events carry no credential', async () => {
    await Promise.all(reading);
    const events = await session.page.evaluate(
      () => (globalThis as unknown as { recordedEvents: string[] }).recordedEvents,
    );
    // The flow really was recorded: the sign-in, the listing and the workspaces went through both.
    expect(answers.some((a) => a.startsWith('/api/accounts.openWorkspace '))).toBe(true);
    expect([...answers, ...events].some((a) => a.includes('"accountName":"team-299-'))).toBe(true);
    expect(events.some((e) => e.includes('"accounts.sessionChanged"') && e.includes('"signedIn"'))).toBe(
      true,
    );

    const secrets = [
      ...[...emulator.store.clients.values()].map((c) => c.clientSecret),
      ...emulator.store.devices.keys(),
      ...emulator.store.accessTokens.keys(),
      ...emulator.store.refreshTokens.keys(),
      ...[...emulator.store.roleCredentials.values()].flatMap((c) => [c.sessionToken, c.secretAccessKey]),
    ];
    expect(secrets.length).toBeGreaterThan(5);
    for (const text of [...answers, ...events]) {
      expect(text, text.slice(0, 200)).not.toMatch(SECRET_FIELDS);
      for (const secret of secrets)
        expect(text.includes(secret), `a secret in ${text.slice(0, 120)}`).toBe(false);
    }
  });
});
