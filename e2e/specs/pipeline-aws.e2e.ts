import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/emulator';
import { AccountsPage, type AwsWorkspaceChoice } from '../pages/accounts-page';
import { ConsolePage } from '../pages/console-page';
import { EmrClustersPage } from '../pages/emr-clusters-page';
import { GlueCatalogPage } from '../pages/glue-catalog-page';
import { openConsole, type ConsoleSession } from '../support/session';

/** The team's fixture lake, read-only: the spec copies its files into the emulator's S3. */
const fixtures = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'lake');
const TABLES = ['billing', 'units_sold', 'production_costs'];
const WORKSPACE: AwsWorkspaceChoice = {
  accountName: 'finance-prod',
  role: 'FinanceAnalyst',
  region: 'eu-west-1',
};

/** Rows of a CSV as arrays of fields (the fixtures and the job's output have no quoted commas). */
const csvRows = (text: string) =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));

// The pipeline in an AWS workspace, against the emulator: fixtures land in S3, the offered Glue
// crawler catalogs them, the gross-profit Spark step runs on EMR and its output equals the expected
// report; a failed step shows its stderr and a failed crawl its error. Screenshots of each stage.
describe('the AWS pipeline in the console (emulator)', () => {
  let emulator: Emulator;
  let awsHome: string;
  let session: ConsoleSession;
  let shell: ConsolePage;
  let catalog: GlueCatalogPage;
  let clusters: EmrClustersPage;

  const shoot = async (name: string, options: { keepToasts?: boolean; dark?: boolean } = {}) => {
    if (!options.keepToasts) await shell.dismissToasts();
    if (options.dark) await session.page.emulateMedia({ colorScheme: 'dark' });
    await session.page.waitForTimeout(150);
    await session.screenshot(`pipeline-${name}${options.dark ? '-dark' : ''}`);
    if (options.dark) await session.page.emulateMedia({ colorScheme: 'light' });
  };

  /** PUT straight to the emulator's S3 endpoint (it takes unsigned requests), as an upload would. */
  const putObject = async (uri: string, body: Buffer) => {
    const answer = await fetch(`${emulator.endpoints.s3}/${uri.replace(/^s3:\/\//, '')}`, {
      method: 'PUT',
      body,
    });
    expect(answer.ok, `PUT ${uri}: ${answer.status}`).toBe(true);
  };
  const getObject = async (uri: string) => {
    const answer = await fetch(`${emulator.endpoints.s3}/${uri.replace(/^s3:\/\//, '')}`);
    expect(answer.ok, `GET ${uri}: ${answer.status}`).toBe(true);
    return answer.text();
  };

  beforeAll(async () => {
    emulator = await startEmulator({
      accounts: 3,
      // Long enough to see RUNNING in the UI, short enough for the spec's minute and a half.
      pipeline: {
        crawlTimings: { runningMs: 1500, stoppingMs: 250 },
        emrTimings: { pendingMs: 300, minRunMs: 3000, cancelMs: 300, startMs: 200 },
      },
    });
    awsHome = await mkdtemp(join(tmpdir(), 'lakedesk-e2e-pipeline-home-'));
    session = await openConsole({ env: { ...emulator.env, HOME: awsHome } });
    session.page.setDefaultTimeout(10_000);
    shell = new ConsolePage(session.page);
    catalog = new GlueCatalogPage(session.page);
    clusters = new EmrClustersPage(session.page);
    await shell.ready();

    // Sign in as a person would: the device code shown in the app, approved in the "browser".
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

  it('runs the crawler offered for the uploaded prefix and lists the tables it made', async () => {
    for (const table of TABLES)
      await putObject(
        `s3://lake-raw/${table}/${table}.csv`,
        await readFile(join(fixtures, table, `${table}.csv`)),
      );
    // Where the Lake view sends people after an upload: the crawlers that cover the prefix.
    await shell.goTo('catalog');
    await catalog.openRoute('crawlers?prefix=s3://lake-raw/');
    const offered = catalog.offeredCrawler('lake-raw');
    await offered.waitFor();
    expect(await catalog.offeredCrawler('lake-landing').count()).toBe(0);
    await shoot('1-offered');

    await offered.getByTestId('offered-crawler-run').click();
    await catalog.waitForCrawlerState('lake-raw', 'RUNNING');
    await shoot('2-crawling');
    await catalog.waitForCrawlerState('lake-raw', 'READY');
    const outcome = await catalog.waitForOutcome('lake-raw', 'SUCCEEDED');
    expect((await catalog.attributes(outcome, 'changed-table', 'data-table')).sort()).toEqual(
      [...TABLES].sort(),
    );
    expect(await catalog.attributes(outcome, 'saved-query', 'data-query')).toEqual(['gross-profit']);
    // The crawl was announced where the person is, whatever they look at.
    await session.page.getByTestId('toast').filter({ hasText: 'Crawler lake-raw finished' }).waitFor();

    const detail = await catalog.openCrawler('lake-raw');
    await detail.locator('[data-testid=crawl-run][data-state=COMPLETED]').first().waitFor();
    expect(
      await detail.getByTestId('last-crawl').getByTestId('crawl-status').getAttribute('data-status'),
    ).toBe('SUCCEEDED');
    expect(
      await detail.getByTestId('crawler-metrics').locator('[data-metric=created] .metric-value').innerText(),
    ).toBe('3');
    await shoot('3-crawled', { keepToasts: true });
  });

  it('shows a table: columns and types, location, the saved queries and the role’s permissions', async () => {
    await catalog.showTab('tables');
    expect((await catalog.tableNames()).sort()).toEqual([...TABLES].sort());
    await catalog.search('bill_amount');
    await expect.poll(() => catalog.tableNames()).toEqual(['billing']);
    const detail = await catalog.openTable('billing');
    expect(await catalog.columnType(detail, 'bill_amount')).toBe('double');
    expect(await detail.getByTestId('table-location').innerText()).toBe('s3://lake-raw/billing/');
    expect(await catalog.attributes(detail, 'saved-query', 'data-query')).toEqual(['gross-profit']);
    await detail.getByTestId('table-permissions').waitFor();
    expect(await catalog.permissionGranted(detail, 'SELECT')).toBe(true);
    expect(await catalog.permissionGranted(detail, 'ALTER')).toBe(false);
    expect(await detail.getByTestId('permissions-missing').innerText()).toContain('ALTER');
    await detail.getByTestId('table-permissions').scrollIntoViewIfNeeded();
    await shoot('4-table');
    await catalog.search('');
  });

  it('explains why a crawler cannot be created when the role may not', async () => {
    emulator.faults.add('glue', {
      kind: 'error',
      status: 400,
      code: 'AccessDeniedException',
      message:
        'User: arn:aws:sts::100000000000:assumed-role/FinanceAnalyst/finance.user is not authorized to perform: glue:CreateCrawler on resource: arn:aws:glue:eu-west-1:100000000000:crawler/orders',
      operations: ['CreateCrawler'],
      times: 1,
    });
    await shell.dismissToasts();
    const dialog = await catalog.openCreateCrawler();
    await dialog.getByTestId('create-crawler-name').fill('orders');
    await dialog.getByTestId('create-crawler-s3Path').fill('s3://lake-raw/orders/');
    await dialog.getByTestId('create-crawler-submit').click();
    const banner = dialog.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.getByTestId('error-message').innerText()).toContain(
      'role FinanceAnalyst may not glue:CreateCrawler',
    );
    expect(await banner.getByTestId('error-hint').innerText()).toContain('Ask your AWS administrator');
    await shoot('5-create-denied', { keepToasts: true });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('submits the gross-profit step, watches it, and its output equals the expected report', async () => {
    await shell.goTo('clusters');
    // A terminated cluster keeps its reason and its instance fleets.
    await clusters.filter('terminated');
    const old = await clusters.openCluster('nightly-gross-profit');
    expect(await old.getByTestId('cluster-state-reason').innerText()).toContain('ALL_STEPS_COMPLETED');
    expect(await old.getByTestId('instance-fleet').count()).toBe(2);
    await clusters.filter('active');
    const cluster = await clusters.openCluster('finance-etl');
    expect(await cluster.getByTestId('instance-group').count()).toBe(2);
    expect(await cluster.getByTestId('cluster-cost').innerText()).toContain('$1.44');

    const run = await clusters.submitGrossProfit({ database: 'lake' });
    await run.locator('[data-testid=step-state][data-state=RUNNING]').waitFor({ timeout: 15_000 });
    await shoot('6-step-running', { keepToasts: true });
    expect(await clusters.waitForRunEnd(run)).toBe('COMPLETED');

    const file = run.getByTestId('output-file').first();
    const uri = (await file.getAttribute('data-uri')) ?? '';
    expect(uri).toMatch(/^s3:\/\/lake-curated\/lakedesk\/output\/gross-profit\/run_id=.+\/csv\/.+\.csv$/);
    // Until the Lake view browses S3, the output is offered as a path to copy.
    await file.getByTestId('output-copy').waitFor();

    const expected = csvRows(await readFile(join(fixtures, 'expected', 'gross_profit.csv'), 'utf8'));
    const preview = run.getByTestId('output-preview');
    await preview.locator('.ag-row').first().waitFor();
    expect(Number(await preview.getAttribute('data-rows'))).toBe(expected.length - 1);
    const header = expected[0]!;
    // The grid shows money to the cent, with thousands separators: the same figures as the file.
    for (const [row, column] of [
      [0, 'revenue_usd'],
      [0, 'gross_profit_usd'],
      [2, 'gross_profit_usd'],
      [3, 'gross_margin_pct'],
      [4, 'revenue_usd'],
      [5, 'cogs_usd'],
    ] as const) {
      const shown = (await clusters.cell(run, row, column)).replace(/,/g, '');
      expect(shown, `${column} of row ${row}`).toBe(expected[row + 1]![header.indexOf(column)]);
    }
    expect(await clusters.cell(run, 0, 'company_name')).toBe(expected[1]![header.indexOf('company_name')]);
    // Every number of every row, from the object the step wrote.
    expect(csvRows(await getObject(uri))).toEqual(expected);

    await run.getByTestId('output-preview').scrollIntoViewIfNeeded();
    await shoot('7-output');
    await shoot('7-output', { dark: true });
  });

  it('shows a failed step’s failure and its stderr', async () => {
    await session.page.getByTestId('submitted-step').getByRole('button', { name: 'Dismiss' }).click();
    emulator.pipeline.failNextStep({
      message:
        'Exception in thread "main" org.apache.spark.SparkException: Application finished with failed status',
      stderr:
        'INFO SparkContext: Running Spark version 3.5.1\nTraceback (most recent call last):\n  File "gross_profit.py", line 88, in main\npyspark.errors.exceptions.captured.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `lake`.`currency_rates` cannot be found.\n',
    });
    const run = await clusters.submitGrossProfit();
    expect(await clusters.waitForRunEnd(run)).toBe('FAILED');
    expect(await run.getByTestId('step-failure').innerText()).toContain('SparkException');
    const log = run.getByTestId('step-log-text');
    await log.waitFor();
    expect(await log.innerText()).toContain('AnalysisException: [TABLE_OR_VIEW_NOT_FOUND]');
    await session.page.getByTestId('toast').filter({ hasText: 'Step failed' }).waitFor();
    await run.scrollIntoViewIfNeeded();
    await shoot('8-step-failed', { keepToasts: true });
  });

  it('launches a transient cluster only after its cost was shown and confirmed', async () => {
    // Toasts sit under a modal dialog's backdrop: clear them before it opens.
    await shell.dismissToasts();
    const dialog = await clusters.openLaunch();
    await dialog.getByTestId('launch-name').fill('adhoc-gross-profit');
    await dialog.getByTestId('launch-estimate').click();
    const estimate = dialog.getByTestId('launch-estimate-result');
    await estimate.waitFor();
    expect(await estimate.innerText()).toContain('$0.72');
    expect(await dialog.getByTestId('launch-confirm').isDisabled()).toBe(true);
    await dialog.getByTestId('launch-understood').check();
    await shoot('9-launch-estimate', { keepToasts: true });
    await dialog.getByTestId('launch-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await clusters
      .clusterRow('adhoc-gross-profit')
      .locator('[data-testid=cluster-state][data-state=STARTING]')
      .waitFor();
  });

  it('shows a failed crawl’s error and where its log is', async () => {
    const message = 'Service is unable to assume role arn:aws:iam::123456789012:role/AWSGlueServiceRole-lake';
    emulator.pipeline.failNextCrawl('lake-raw', message);
    await shell.dismissToasts();
    await catalog.openRoute('crawlers?crawler=lake-raw');
    await catalog.startCrawler('lake-raw');
    const outcome = await catalog.waitForOutcome('lake-raw', 'FAILED');
    expect(await outcome.getByTestId('crawl-outcome-error').innerText()).toContain(message);
    await catalog.waitForCrawlerState('lake-raw', 'READY');
    const detail = await catalog.openCrawler('lake-raw');
    expect(await detail.getByTestId('crawl-error').innerText()).toContain(message);
    expect(await detail.getByTestId('crawl-log').innerText()).toContain('/aws-glue/crawlers');
    await detail.locator('[data-testid=crawl-run][data-state=FAILED]').first().waitFor();
    await shoot('10-crawl-failed', { keepToasts: true });
  });
});
