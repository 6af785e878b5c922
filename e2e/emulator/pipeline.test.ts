import { gunzipSync } from 'node:zlib';
import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeStepCommand,
  EMRClient,
  ListClustersCommand,
} from '@aws-sdk/client-emr';
import {
  GetCrawlerCommand,
  GetPartitionsCommand,
  GetTableCommand,
  GlueClient,
  ListCrawlsCommand,
  StartCrawlerCommand,
  StopCrawlerCommand,
} from '@aws-sdk/client-glue';
import { LakeFormationClient, ListPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './emulator';

/** Glue, Lake Formation and EMR at the wire, with the real SDK clients and static keys. */
describe('AWS emulator: the pipeline services', () => {
  let emu: Emulator;
  let glue: GlueClient;
  let emr: EMRClient;
  let s3: S3Client;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const states: string[] = [];

  async function crawlerState(name: string) {
    const { Crawler } = await glue.send(new GetCrawlerCommand({ Name: name }));
    if (states.at(-1) !== Crawler!.State) states.push(Crawler!.State!);
    return Crawler!;
  }

  async function untilReady(name: string) {
    for (;;) {
      const crawler = await crawlerState(name);
      if (crawler.State === 'READY') return crawler;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function stepUntilDone(clusterId: string, stepId: string) {
    for (;;) {
      const { Step } = await emr.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: stepId }));
      if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(Step!.Status!.State!)) return Step!;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  beforeAll(async () => {
    emu = await startEmulator({
      accounts: 2,
      pipeline: {
        crawlTimings: { runningMs: 150, stoppingMs: 50 },
        emrTimings: { pendingMs: 30, minRunMs: 150, cancelMs: 30 },
      },
    });
    const common = { region: emu.region, credentials };
    glue = new GlueClient({ ...common, endpoint: emu.endpoints.glue });
    emr = new EMRClient({ ...common, endpoint: emu.endpoints.emr });
    s3 = new S3Client({ ...common, endpoint: emu.endpoints.s3, forcePathStyle: true });
    const put = (Key: string, Body: string) =>
      s3.send(new PutObjectCommand({ Bucket: 'lake-raw', Key, Body }));
    await put('sales/year=2025/month=01/a.csv', 'id,amount,note\n1,2.5,x\n2,3,y\n');
    await put('sales/year=2025/month=02/b.csv', 'id,amount,note\n3,4.25,z\n');
  });
  afterAll(async () => {
    for (const c of [glue, emr, s3]) c?.destroy();
    await emu?.stop();
  });

  it('walks a crawl READY → RUNNING → STOPPING → READY and makes a partitioned table from the CSVs', async () => {
    await glue.send(new StartCrawlerCommand({ Name: 'lake-raw' }));
    await expect(glue.send(new StartCrawlerCommand({ Name: 'lake-raw' }))).rejects.toMatchObject({
      name: 'CrawlerRunningException',
    });
    const done = await untilReady('lake-raw');
    expect(states).toEqual(['RUNNING', 'STOPPING', 'READY']);
    expect(done.LastCrawl?.Status).toBe('SUCCEEDED');
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: 'lake', Name: 'sales' }));
    expect(Table?.StorageDescriptor?.Columns?.map((c) => [c.Name, c.Type])).toEqual([
      ['id', 'bigint'],
      ['amount', 'double'],
      ['note', 'string'],
    ]);
    expect(Table?.PartitionKeys?.map((k) => k.Name)).toEqual(['year', 'month']);
    expect(Table?.Parameters).toMatchObject({
      classification: 'csv',
      UPDATED_BY_CRAWLER: 'lake-raw',
      recordCount: '3',
    });
    const { Partitions } = await glue.send(
      new GetPartitionsCommand({ DatabaseName: 'lake', TableName: 'sales' }),
    );
    expect(Partitions?.map((p) => p.Values)).toEqual([
      ['2025', '01'],
      ['2025', '02'],
    ]);
  });

  it('stops a crawl (CANCELLED) and fails one on demand (FAILED with the error)', async () => {
    emu.pipeline.crawls.timings.runningMs = 5_000;
    await glue.send(new StartCrawlerCommand({ Name: 'lake-raw' }));
    await glue.send(new StopCrawlerCommand({ Name: 'lake-raw' }));
    expect((await untilReady('lake-raw')).LastCrawl?.Status).toBe('CANCELLED');
    emu.pipeline.crawls.timings.runningMs = 50;
    emu.pipeline.failNextCrawl('lake-raw', 'Service Principal: glue.amazonaws.com is not authorized');
    await glue.send(new StartCrawlerCommand({ Name: 'lake-raw' }));
    const failed = await untilReady('lake-raw');
    expect(failed.LastCrawl).toMatchObject({
      Status: 'FAILED',
      ErrorMessage: expect.stringContaining('not authorized'),
    });
    const { Crawls } = await glue.send(new ListCrawlsCommand({ CrawlerName: 'lake-raw' }));
    expect(Crawls?.map((c) => c.State)).toEqual(['FAILED', 'STOPPED', 'COMPLETED']);
  });

  it('lists Lake Formation permissions and takes one away', async () => {
    const lf = new LakeFormationClient({
      region: emu.region,
      credentials,
      endpoint: emu.endpoints.lakeformation,
    });
    const list = async () =>
      (
        await lf.send(
          new ListPermissionsCommand({ Resource: { Table: { DatabaseName: 'lake', Name: 'sales' } } }),
        )
      ).PrincipalResourcePermissions![0]!.Permissions;
    expect(await list()).toEqual(['DESCRIBE', 'SELECT']);
    emu.pipeline.deny({ permission: 'DESCRIBE', table: 'sales' });
    expect(await list()).toEqual(['SELECT']);
    await expect(
      glue.send(new GetTableCommand({ DatabaseName: 'lake', Name: 'sales' })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: 'Insufficient Lake Formation permission(s) on sales',
    });
    emu.pipeline.permissions.reset();
    lf.destroy();
  });

  it('runs steps one at a time, fails one with its stderr in the LogUri, cancels another', async () => {
    const { Clusters } = await emr.send(new ListClustersCommand({ ClusterStates: ['WAITING'] }));
    expect(Clusters?.map((c) => c.Id)).toEqual([emu.pipeline.clusterId]);
    emu.pipeline.failNextStep({
      message: 'boom',
      stderr: 'Traceback (most recent call last):\nValueError: boom\n',
    });
    const step = (Name: string) => ({
      Name,
      ActionOnFailure: 'CONTINUE' as const,
      HadoopJarStep: { Jar: 'command-runner.jar', Args: ['true'] },
    });
    const { StepIds = [] } = await emr.send(
      new AddJobFlowStepsCommand({
        JobFlowId: emu.pipeline.clusterId,
        Steps: [step('fails'), step('cancelled')],
      }),
    );
    const failed = await stepUntilDone(emu.pipeline.clusterId, StepIds[0]!);
    expect(failed.Status?.FailureDetails).toMatchObject({
      Message: 'boom',
      LogFile: expect.stringMatching(/stderr\.gz$/),
    });
    const log = await s3.send(
      new GetObjectCommand({
        Bucket: 'lake-curated',
        Key: failed.Status!.FailureDetails!.LogFile!.replace('s3://lake-curated/', ''),
      }),
    );
    expect(gunzipSync(await log.Body!.transformToByteArray()).toString()).toContain('ValueError: boom');
    const cancel = await emr.send(
      new CancelStepsCommand({ ClusterId: emu.pipeline.clusterId, StepIds: [StepIds[1]!] }),
    );
    expect(cancel.CancelStepsInfoList?.[0]?.Status).toBe('SUBMITTED');
    expect((await stepUntilDone(emu.pipeline.clusterId, StepIds[1]!)).Status?.State).toBe('CANCELLED');
  });
});
