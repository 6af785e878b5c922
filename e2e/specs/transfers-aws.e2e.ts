import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/emulator';
import { AccountsPage, type AwsWorkspaceChoice } from '../pages/accounts-page';
import { ConsolePage } from '../pages/console-page';
import { S3LakePage } from '../pages/s3-lake-page';
import { openConsole, type ConsoleSession } from '../support/session';

/** The team's fixtures, read-only: the spec reads them and drops their bytes on the page. */
const shared = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures');
const lakeFile = (t: string) => join(shared, 'lake', t, `${t}.csv`);
/** Clean: they upload straight away. */
const VALID = [
  lakeFile('units_sold'),
  lakeFile('production_costs'),
  join(shared, 'invalid', 'billing_valid.csv'),
];
/** The fixture lake's billing has one row without an id (line 105): held like the invalid ones. */
const BILLING = lakeFile('billing');
const INVALID = ['billing_missing_column', 'billing_rule_errors', 'billing_bom_crlf_ragged'].map((n) =>
  join(shared, 'invalid', `${n}.csv`),
);
const WORKSPACE: AwsWorkspaceChoice = {
  accountName: 'finance-prod',
  role: 'FinanceAnalyst',
  region: 'eu-west-1',
};

// The monthly drop in an AWS workspace, in browser mode against the emulator's S3: files dropped on
// a prefix are recognised and checked before any byte is sent; the invalid ones are held with their
// findings, the valid ones upload and the queue completes; the new objects list, preview and show details.
describe('dropping CSVs into S3 (emulator)', () => {
  let emulator: Emulator;
  let awsHome: string;
  let session: ConsoleSession;
  let shell: ConsolePage;
  let lake: S3LakePage;

  const shoot = async (name: string) => {
    await shell.dismissToasts();
    await session.page.waitForTimeout(150);
    await session.screenshot(`transfers-${name}`);
  };

  beforeAll(async () => {
    emulator = await startEmulator({ accounts: 3 });
    awsHome = await mkdtemp(join(tmpdir(), 'lakedesk-e2e-transfers-home-'));
    session = await openConsole({ env: { ...emulator.env, HOME: awsHome } });
    session.page.setDefaultTimeout(10_000);
    shell = new ConsolePage(session.page);
    lake = new S3LakePage(session.page);
    await shell.ready();

    await shell.goTo('accounts');
    const accounts = new AccountsPage(session.page);
    await accounts.waitForSignInState(emulator.sessionName, 'signedOut');
    const { code } = await accounts.startSignIn(emulator.sessionName);
    expect(emulator.approveDevice(code)).toBe(true);
    await accounts.waitForSignInState(emulator.sessionName, 'signedIn');
    await accounts.waitForAccounts(3);
    await accounts.openWorkspace(WORKSPACE);
  });

  afterAll(async () => {
    await session?.close();
    await emulator?.stop();
    if (awsHome) await rm(awsHome, { recursive: true, force: true });
  });

  it('lists the buckets and opens one, where a new folder is made', async () => {
    await shell.goTo('lake');
    await lake.waitForEntry('lake-landing');
    expect(await lake.entryNames()).toEqual(expect.arrayContaining(['lake-landing', 'lake-raw']));
    await lake.open('lake-landing');
    await lake.newFolder('monthly');
  });

  it('holds the invalid files with their findings and uploads the valid ones', async () => {
    const paths = [...VALID, BILLING, ...INVALID];
    const files = await Promise.all(
      paths.map(async (p) => ({ name: basename(p), text: await readFile(p, 'utf8') })),
    );
    await lake.dropFiles(files);
    const plan = await lake.plan();
    expect(plan.map((f) => f.name).sort()).toEqual(files.map((f) => f.name).sort());
    expect(plan.find((f) => f.name === 'billing.csv')?.text).toContain('billing');
    expect(plan.find((f) => f.name === 'units_sold.csv')?.text).toContain('s3://lake-landing/monthly/');

    // Encryption is chosen per upload; the details of an uploaded object show it below.
    await lake.uploadDialog.getByTestId('upload-encryption').selectOption('sse-s3');
    await lake.startUpload();
    for (const p of VALID) await lake.waitForState(basename(p), ['done']);
    for (const p of [BILLING, ...INVALID]) await lake.waitForState(basename(p), ['held']);
    const billing = lake.item('billing.csv');
    expect(await billing.getByTestId('finding').allInnerTexts()).toEqual([expect.stringContaining('105')]);
    const ruleErrors = lake.item('billing_rule_errors.csv');
    expect(await ruleErrors.getByTestId('finding').count()).toBeGreaterThan(1);
    expect(await lake.uploadDialog.getByTestId('upload-held-note').innerText()).toContain(
      '4 files have findings',
    );
    await shoot('1-drop-preflight-findings');

    // Decide: billing (one row without an id) goes to quarantine, the broken files are left out.
    await billing.getByTestId('transfer-quarantine').click();
    for (const p of INVALID) await lake.item(basename(p)).getByTestId('transfer-skip').click();
    await lake.waitForState('billing.csv', ['done']);
    expect(await billing.innerText()).toContain('s3://lake-landing/quarantine/');
    for (const p of INVALID) await lake.waitForState(basename(p), ['skipped']);
    await lake.uploadDialog.getByTestId('upload-crawlers').waitFor();
    await lake.closeUpload();
  });

  it('shows the queue complete with its totals', async () => {
    await lake.openQueue();
    const totals = lake.drawer.getByTestId('transfers-totals');
    await totals.and(session.page.locator('[data-active=false]')).waitFor();
    expect(await totals.innerText()).toContain('4 of 7 uploaded');
    expect(await lake.drawer.locator('[data-testid=transfer-item][data-state=done]').count()).toBe(4);
    const crawlerLink = lake.item('units_sold.csv', 'drawer').getByTestId('transfer-crawlers');
    expect(await crawlerLink.getAttribute('href')).toContain('#/catalog/crawlers?prefix=s3');
    await shoot('2-queue-complete');
  });

  it('lists the uploaded objects, previews one and shows its details', async () => {
    for (const p of VALID) await lake.waitForEntry(basename(p));
    expect(await lake.entryNames()).not.toContain('billing.csv');
    await lake.closeQueue();
    await lake.openObject('units_sold.csv');
    await lake.objectPanel.getByTestId('preview-grid').locator('.ag-row').first().waitFor();
    expect(await lake.objectPanel.getByTestId('preview-grid').innerText()).toContain('units');
    await shoot('3-object-preview');
    const details = await lake.showDetails();
    expect(await details.getByTestId('object-size').innerText()).toMatch(/KB|B/);
    expect(await details.innerText()).toContain('units_sold');
    expect(await details.getByTestId('object-encryption').innerText()).toContain('SSE-S3');
    expect(await lake.objectPanel.getByTestId('object-download-note').innerText()).toContain('desktop app');
    await shoot('4-listing-details');
  });
});
