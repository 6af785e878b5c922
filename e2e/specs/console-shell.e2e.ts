import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsPage } from '../pages/accounts-page';
import { ConsolePage } from '../pages/console-page';
import { openConsole, type ConsoleSession } from '../support/session';

// The shell around every area: navigation, shortcuts, workspace, jobs, the expired-session page.
describe.each(['light', 'dark'] as const)('console shell (%s)', (scheme) => {
  let session: ConsoleSession;
  let shell: ConsolePage;

  beforeAll(async () => {
    session = await openConsole({ colorScheme: scheme });
    shell = new ConsolePage(session.page);
    await shell.ready();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens on the sample lake, shown with its kind in the top bar', async () => {
    expect(await shell.activeWorkspace()).toBe('sample-lake');
    expect(await session.page.getByTestId('active-workspace').innerText()).toContain('Local lake');
  });

  it('lists the workspace and invites adding an AWS organisation', async () => {
    await shell.goTo('accounts');
    const accounts = new AccountsPage(session.page);
    expect(await accounts.workspaces().count()).toBe(1);
    // startApp points the AWS config at a missing file: no organisation yet.
    expect(await accounts.awsSection().innerText()).toContain('No AWS organisation yet');
    await session.screenshot(`accounts-${scheme}`);
  });

  it('explains a folder that cannot be opened', async () => {
    const accounts = new AccountsPage(session.page);
    await accounts.open('/no/such/lake/folder');
    const banner = accounts.view.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.getByTestId('error-message').innerText()).not.toMatch(/at .*\.js|Error:/);
  });

  it('opens a second lake folder, switches back, and forgets it', async () => {
    const accounts = new AccountsPage(session.page);
    const folder = await mkdtemp(join(tmpdir(), 'second-lake-'));
    try {
      await accounts.open(folder);
      await session.page
        .getByTestId('active-workspace-name')
        .filter({ hasText: basename(folder) })
        .waitFor();
      expect(await accounts.workspaces().count()).toBe(2);
      await session.screenshot(`accounts-two-lakes-${scheme}`);
      await accounts.switchTo('sample-lake');
      await accounts.forget(basename(folder));
      expect(await accounts.workspaces().count()).toBe(1);
      expect(await shell.activeWorkspace()).toBe('sample-lake');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('invites a first crawl before the catalog has tables', async () => {
    const view = await shell.goTo('catalog');
    await view.getByTestId('catalog-empty').or(view.getByTestId('catalog-table')).first().waitFor();
    if (await view.getByTestId('catalog-empty').isVisible()) {
      expect(await view.getByTestId('catalog-empty').innerText()).toContain(
        'Crawl the lake to find its tables',
      );
      await session.screenshot(`catalog-empty-${scheme}`);
    }
  });

  it('moves between areas with the navigation and Ctrl+1…6', async () => {
    for (const area of ['lake', 'catalog', 'clusters', 'queries', 'reports'] as const) {
      await shell.goTo(area);
      expect(await session.page.title()).toContain(area[0]!.toUpperCase() + area.slice(1));
    }
    await shell.shortcut(2);
    await shell.area('lake').waitFor({ state: 'visible' });
    await shell.shortcut(1);
    await shell.area('accounts').waitFor({ state: 'visible' });
    expect(await session.page.getByTestId('nav-catalog').getAttribute('title')).toContain('Ctrl+3');
  });

  it('shows the jobs of the session in the jobs menu', async () => {
    const panel = await shell.openJobs();
    expect(await panel.textContent()).toContain('Running');
    await session.screenshot(`jobs-menu-${scheme}`);
    await shell.closeJobs();
  });

  it('shows a full-page notice when the browser session expires', async () => {
    await session.page.context().clearCookies();
    // Any call now meets a 401: reloading the lake folder makes one.
    const lake = await shell.goTo('lake');
    await lake.getByRole('button', { name: 'Refresh' }).click();
    await session.page.getByTestId('session-expired').waitFor({ timeout: 15_000 });
    expect(await session.page.getByTestId('session-expired').innerText()).toContain('lakedesk serve');
    await session.screenshot(`session-expired-${scheme}`);
  });
});
