import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '@shared/contract';
import type { CrawlOutcome } from '@shared/glue.schema';
import { startPipelineBed, type PipelineBed } from '../clusters/test-pipeline';
import { copyFixtureLake } from '../engine/test-lakes';

/** Glue crawlers, tables and Lake Formation permissions through the router, against the emulator. */
describe('catalog in an AWS workspace', () => {
  let bed: PipelineBed;
  const events: Array<{ topic: string; payload: unknown }> = [];
  const ws = () => ({ workspaceId: bed.workspaceId });

  beforeAll(async () => {
    bed = await startPipelineBed();
    bed.core.services.events.subscribe((topic, payload) => {
      if (topic.startsWith('catalog.')) events.push({ topic, payload });
    });
    await bed.uploadFixtures();
  });
  afterAll(() => bed?.close());

  it('offers the crawlers whose targets cover an uploaded prefix', async () => {
    const names = async (s3Uri: string) =>
      (await bed.call('catalog.crawlersForPrefix', { ...ws(), s3Uri })).crawlers.map(
        (m) => `${m.crawler.name}:${m.coverage}`,
      );
    expect(await names('s3://lake-raw/billing/')).toEqual(['lake-raw:covers']);
    expect(await names('s3://lake-landing/')).toEqual(['lake-landing:inside']);
    expect(await names('s3://lake-landing/incoming/2025/_tmp/')).toEqual([]);
    expect(await names('s3://lake-curated/x/')).toEqual([]);
  });

  it('runs a crawl to the end: tables created, the saved queries that read them, events on the way', async () => {
    const job = await bed.job('catalog.waitForCrawl', { ...ws(), name: 'lake-raw', start: true });
    expect(job.state).toBe('succeeded');
    const outcome = job.result as CrawlOutcome;
    expect(outcome.status).toBe('SUCCEEDED');
    expect(outcome.changes.map((c) => `${c.name}:${c.change}`).sort()).toEqual([
      'billing:created',
      'production_costs:created',
      'units_sold:created',
    ]);
    expect(outcome.savedQueries.map((q) => q.id)).toEqual(['gross-profit']);
    const states = events
      .filter((e) => e.topic === 'catalog.crawlerChanged')
      .map((e) => (e.payload as EventPayload<'catalog.crawlerChanged'>).crawler.state);
    // STOPPING lasts 40 ms here, so a backed-off poll may step over it.
    expect(states.filter((s) => s !== 'STOPPING')).toEqual(['RUNNING', 'READY']);
    const ended = events.find((e) => e.topic === 'catalog.crawlEnded')
      ?.payload as EventPayload<'catalog.crawlEnded'>;
    expect(ended.title).toBe('Crawler lake-raw finished');
    expect(ended.body).toContain('Ready to query: Gross profit');
    const [crawler] = (await bed.call('catalog.listCrawlers', ws())).crawlers;
    expect(crawler).toMatchObject({ name: 'lake-raw', state: 'READY', lastCrawl: { status: 'SUCCEEDED' } });
    expect(crawler?.metrics).toMatchObject({ tablesCreated: 3, tablesUpdated: 0 });
    const { runs } = await bed.call('catalog.crawlerHistory', { ...ws(), name: 'lake-raw' });
    expect(runs.map((r) => r.state)).toEqual(['COMPLETED']);
  });

  it('searches tables by column and shows one with its columns, classification and queries', async () => {
    const found = await bed.call('catalog.searchTables', { ...ws(), search: 'bill_amount' });
    expect(found.tables.map((t) => t.name)).toEqual(['billing']);
    const table = await bed.call('catalog.getTable', { ...ws(), database: 'lake', table: 'billing' });
    expect(table).toMatchObject({
      classification: 'csv',
      location: 's3://lake-raw/billing/',
      updatedByCrawler: 'lake-raw',
    });
    expect(table.columns.find((c) => c.name === 'bill_amount')?.type).toBe('double');
    expect(table.savedQueries.map((q) => q.id)).toEqual(['gross-profit']);
    expect(
      (await bed.call('catalog.listPartitions', { ...ws(), database: 'lake', table: 'billing' })).partitions,
    ).toEqual([]);
    const dbs = await bed.call('catalog.listDatabases', ws());
    expect(dbs.databases.map((d) => d.name)).toEqual(['lake']);
  });

  it('fails a crawl with its error (RUN_FAILED) and says so in the end event', async () => {
    bed.emulator.pipeline.failNextCrawl(
      'lake-raw',
      'Service is unable to assume role AWSGlueServiceRole-lake',
    );
    const job = await bed.job('catalog.waitForCrawl', { ...ws(), name: 'lake-raw', start: true });
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({
      code: 'RUN_FAILED',
      message: expect.stringContaining('unable to assume role'),
    });
    expect(job.error?.hint).toContain('/aws-glue/crawlers');
    const ended = events.filter((e) => e.topic === 'catalog.crawlEnded').at(-1)
      ?.payload as EventPayload<'catalog.crawlEnded'>;
    expect(ended).toMatchObject({ title: 'Crawler lake-raw failed', outcome: { status: 'FAILED' } });
  });

  it('stops a crawl: cancelling the job stops the crawler and waits until it is READY', async () => {
    bed.emulator.pipeline.crawls.timings.runningMs = 10_000;
    try {
      const { jobId } = await bed.call('catalog.waitForCrawl', { ...ws(), name: 'lake-raw', start: true });
      await expect
        .poll(async () => (await bed.call('catalog.getCrawler', { ...ws(), name: 'lake-raw' })).state)
        .toBe('RUNNING');
      bed.core.services.jobs.cancel(jobId);
      const job = await bed.core.services.jobs.wait(jobId);
      expect(job.state).toBe('cancelled');
      const crawler = await bed.call('catalog.getCrawler', { ...ws(), name: 'lake-raw' });
      expect(crawler).toMatchObject({ state: 'READY', lastCrawl: { status: 'CANCELLED' } });
      await bed.call('catalog.startCrawler', { ...ws(), name: 'lake-raw' });
      expect((await bed.call('catalog.stopCrawler', { ...ws(), name: 'lake-raw' })).state).toBe('STOPPING');
      await expect.poll(() => events.filter((e) => e.topic === 'catalog.crawlEnded').length).toBe(4);
    } finally {
      bed.emulator.pipeline.crawls.timings.runningMs = 120;
    }
  });

  it('creates a crawler for a prefix, and refuses a second with the same name', async () => {
    const input = {
      ...ws(),
      name: 'orders',
      role: 'AWSGlueServiceRole-lake',
      database: 'lake',
      s3Path: 's3://lake-raw/orders/',
    };
    const created = await bed.call('catalog.createCrawler', { ...input, schedule: 'cron(0 3 * * ? *)' });
    expect(created).toMatchObject({
      state: 'READY',
      targets: [{ path: 's3://lake-raw/orders/' }],
      schedule: { expression: 'cron(0 3 * * ? *)' },
    });
    await expect(bed.call('catalog.createCrawler', input)).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('shows the role’s effective permissions and explains each missing one', async () => {
    const view = await bed.call('catalog.tablePermissions', { ...ws(), database: 'lake', table: 'billing' });
    expect(view).toMatchObject({
      roleName: 'FinanceAnalyst',
      permissions: ['DESCRIBE', 'SELECT'],
      dataLocation: ['DATA_LOCATION_ACCESS'],
    });
    expect(view.principal).toContain('AWSReservedSSO_FinanceAnalyst_');
    expect(view.missing.map((m) => m.permission)).toEqual(['ALTER']);
    bed.emulator.pipeline.deny({ permission: 'SELECT', table: 'billing' });
    const denied = await bed.call('catalog.tablePermissions', {
      ...ws(),
      database: 'lake',
      table: 'billing',
    });
    expect(denied.checks.find((c) => c.permission === 'SELECT')?.granted).toBe(false);
    expect(denied.missing.find((m) => m.permission === 'SELECT')?.explanation).toMatch(
      /Without SELECT on lake\.billing, role FinanceAnalyst cannot: query the table.*grant SELECT on lake\.billing to role FinanceAnalyst/,
    );
    bed.emulator.pipeline.permissions.reset();
  });

  it('explains an AccessDenied with the table and the permission missing', async () => {
    bed.emulator.pipeline.deny({ permission: 'DESCRIBE', table: 'units_sold' });
    try {
      await expect(
        bed.call('catalog.getTable', { ...ws(), database: 'lake', table: 'units_sold' }),
      ).rejects.toMatchObject({
        code: 'AWS_ERROR',
        message:
          'Reading table lake.units_sold was refused: role FinanceAnalyst lacks the Lake Formation permission DESCRIBE on table lake.units_sold.',
        hint: expect.stringContaining('grant DESCRIBE on lake.units_sold to role FinanceAnalyst'),
      });
      const view = await bed.call('catalog.tablePermissions', {
        ...ws(),
        database: 'lake',
        table: 'units_sold',
      });
      expect(view.missing.map((m) => m.permission)).toEqual(
        ['DESCRIBE', 'SELECT', 'ALTER'].filter((p) => p !== 'SELECT'),
      );
    } finally {
      bed.emulator.pipeline.permissions.reset();
    }
    bed.emulator.faults.add('lakeformation', {
      kind: 'error',
      status: 400,
      code: 'AccessDeniedException',
      message:
        'User: arn:aws:sts::100000000000:assumed-role/AWSReservedSSO_FinanceAnalyst_0123/u is not authorized to perform: lakeformation:ListPermissions',
      operations: ['ListPermissions'],
      times: 1,
    });
    await expect(
      bed.call('catalog.tablePermissions', { ...ws(), database: 'lake', table: 'billing' }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(
        /^Reading your Lake Formation permissions on lake\.billing was refused: role FinanceAnalyst may not lakeformation:ListPermissions/,
      ),
    });
  });

  it('lists a local lake’s tables through the same calls, and says crawlers need AWS', async () => {
    const lake = await bed.call('workspaces.open', { kind: 'local', path: await copyFixtureLake() });
    const page = await bed.call('catalog.searchTables', { workspaceId: lake.id, search: 'units' });
    expect(page.tables.map((t) => `${t.database}.${t.name}`)).toEqual(['lake.units_sold']);
    await expect(bed.call('catalog.listCrawlers', { workspaceId: lake.id })).rejects.toMatchObject({
      code: 'NO_WORKSPACE',
    });
  });
});
