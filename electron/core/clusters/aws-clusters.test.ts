import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '@shared/contract';
import type { StepOutcome } from '@shared/emr.schema';
import { fixtureLake, repoRoot } from '../engine/test-lakes';
import { startPipelineBed, type PipelineBed } from './test-pipeline';

/** EMR clusters and the gross-profit step through the router, against the emulator. */
describe('clusters in an AWS workspace', () => {
  let bed: PipelineBed;
  let clusterId: string;
  const ended: Array<EventPayload<'clusters.stepEnded'>> = [];
  const ws = () => ({ workspaceId: bed.workspaceId });
  const submit = (extra: Record<string, unknown> = {}) =>
    bed.call('clusters.submitGrossProfit', { ...ws(), clusterId, database: 'lake', ...extra });
  const wait = (stepId: string) => bed.job('clusters.waitForStep', { ...ws(), clusterId, stepId });

  beforeAll(async () => {
    bed = await startPipelineBed();
    clusterId = bed.emulator.pipeline.clusterId;
    bed.core.services.events.subscribe((topic, payload) => {
      if (topic === 'clusters.stepEnded') ended.push(payload as EventPayload<'clusters.stepEnded'>);
    });
    await bed.uploadFixtures();
    const crawl = await bed.job('catalog.waitForCrawl', { ...ws(), name: 'lake-raw', start: true });
    expect(crawl.state).toBe('succeeded');
  });
  afterAll(() => bed?.close());

  it('lists clusters by filter, and shows one with its instances, hours and cost', async () => {
    const active = await bed.call('clusters.listClusters', ws());
    expect(active.clusters.map((c) => [c.name, c.state])).toEqual([['finance-etl', 'WAITING']]);
    const old = (await bed.call('clusters.listClusters', { ...ws(), filter: 'terminated' })).clusters[0]!;
    expect(old).toMatchObject({
      name: 'nightly-gross-profit',
      stateChangeReason: { code: 'ALL_STEPS_COMPLETED' },
    });
    const detail = await bed.call('clusters.getCluster', { ...ws(), clusterId });
    expect(detail.instanceGroups.map((g) => `${g.role} ${g.instanceType}×${g.requested}`)).toEqual([
      'MASTER m5.xlarge×1',
      'CORE m5.xlarge×2',
    ]);
    expect(detail).toMatchObject({
      releaseLabel: 'emr-7.5.0',
      logUri: 's3://lake-curated/emr-logs/',
      tags: { team: 'finance' },
    });
    expect(detail.applications.map((a) => a.name)).toContain('Spark');
    // Ready 1 h 52 min ago: two started hours of 3 m5.xlarge (8 units each).
    expect(detail.normalizedInstanceHours).toBe(2 * 24);
    expect(detail.cost).toMatchObject({ hourlyUsd: 0.72, toDateUsd: 1.44 });
    const fleets = await bed.call('clusters.getCluster', { ...ws(), clusterId: old.id });
    expect(fleets.instanceFleets.map((f) => f.instanceTypes[0])).toEqual(['m5.xlarge', 'r5.2xlarge']);
  });

  it('runs the gross-profit step on the fixtures: its CSV equals expected/gross_profit.csv to the cent', async () => {
    const submitted = await submit({ runId: 'fixture-1' });
    expect(submitted.code).toEqual({
      prefix: 's3://lake-curated/lakedesk/code/0.0.0-test/',
      uploaded: ['gross_profit.py', 'gross-profit.sql', 'gross-profit-notes.sql'].map(
        (f) => `s3://lake-curated/lakedesk/code/0.0.0-test/${f}`,
      ),
      reused: [],
    });
    expect(submitted.args.slice(0, 5)).toEqual([
      'spark-submit',
      '--deploy-mode',
      'cluster',
      '--files',
      expect.stringContaining('gross-profit.sql'),
    ]);
    // The very file the local engine runs, not a copy that can drift.
    expect((await bed.get(`${submitted.code.prefix}gross-profit.sql`)).toString()).toBe(
      await readFile(join(repoRoot, 'shared/sql/gross-profit.sql'), 'utf8'),
    );
    const job = await wait(submitted.stepId);
    expect(job.state).toBe('succeeded');
    const outcome = job.result as StepOutcome;
    expect(outcome.step.state).toBe('COMPLETED');
    expect(outcome.output?.files).toHaveLength(1);
    const csv = (await bed.get(outcome.output!.files[0]!)).toString();
    expect(csv).toBe(await readFile(join(fixtureLake, 'expected/gross_profit.csv'), 'utf8'));
    const stdout = await bed.call('clusters.stepLog', {
      ...ws(),
      clusterId,
      stepId: submitted.stepId,
      log: 'stdout',
    });
    expect(stdout.text).toContain('rows_written=');
    expect(stdout.text).toContain('excluded reason="missing id" bills=1');
    expect(ended.at(-1)).toMatchObject({
      title: expect.stringContaining('Step finished'),
      outcome: { step: { id: submitted.stepId } },
    });
    const again = await submit({ runId: 'fixture-2', currencyRates: { USD: 1, CAD: 0.79, MXN: 0.05 } });
    expect(again.code.uploaded).toEqual([]);
    expect(again.code.reused).toHaveLength(3);
    expect(again.args.join(' ')).toContain('--currency-rates USD=1,CAD=0.79,MXN=0.05');
    expect(((await wait(again.stepId)).result as StepOutcome).step.state).toBe('COMPLETED');
  });

  it('fails a step with its stderr shown, read from the LogUri (gzip)', async () => {
    bed.emulator.pipeline.failNextStep({
      message:
        'Exception in thread "main" org.apache.spark.SparkException: Application finished with failed status',
      stderr:
        'INFO starting\nTraceback (most recent call last):\npyspark.errors.exceptions.captured.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] billing\n',
    });
    const submitted = await submit();
    const job = await wait(submitted.stepId);
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('RUN_FAILED');
    expect(job.error?.message).toContain('failed: Exception in thread "main"');
    expect(job.error?.message).toContain('AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] billing');
    const step = await bed.call('clusters.getStep', { ...ws(), clusterId, stepId: submitted.stepId });
    expect(step.failure?.logFile).toBe(
      `s3://lake-curated/emr-logs/${clusterId}/steps/${submitted.stepId}/stderr.gz`,
    );
    const log = await bed.call('clusters.stepLog', { ...ws(), clusterId, stepId: submitted.stepId });
    expect(log).toMatchObject({ found: true, truncated: false });
    expect(log.text).toBe(gunzipSync(await bed.get(step.failure!.logFile!)).toString());
    const missing = await bed.call('clusters.stepLog', { ...ws(), clusterId, stepId: 's-NOSUCHSTEP000' });
    expect(missing).toMatchObject({ found: false, hint: expect.stringContaining('a few minutes') });
  });

  it('explains a step that Lake Formation refused: the table and the permission its role lacks', async () => {
    bed.emulator.pipeline.deny({ role: 'EMR_EC2_DefaultRole', permission: 'SELECT', table: 'units_sold' });
    try {
      const job = await wait((await submit()).stepId);
      expect(job.error).toMatchObject({
        code: 'RUN_FAILED',
        message: expect.stringContaining(
          'Insufficient Lake Formation permission(s): Required SELECT on units_sold',
        ),
        hint: expect.stringContaining('lacks the Lake Formation permission SELECT on table lake.units_sold'),
      });
    } finally {
      bed.emulator.pipeline.permissions.reset();
    }
  });

  it('cancels a step: the job sends CancelSteps and waits for CANCELLED', async () => {
    bed.emulator.pipeline.steps.timings.minRunMs = 10_000;
    try {
      const submitted = await submit();
      const { jobId } = await bed.call('clusters.waitForStep', {
        ...ws(),
        clusterId,
        stepId: submitted.stepId,
      });
      await expect
        .poll(
          async () =>
            (await bed.call('clusters.getStep', { ...ws(), clusterId, stepId: submitted.stepId })).state,
        )
        .toBe('RUNNING');
      bed.core.services.jobs.cancel(jobId);
      expect((await bed.core.services.jobs.wait(jobId)).state).toBe('cancelled');
      expect(
        (await bed.call('clusters.getStep', { ...ws(), clusterId, stepId: submitted.stepId })).state,
      ).toBe('CANCELLED');
      const pending = [await submit(), await submit()];
      const cancelled = await bed.call('clusters.cancelStep', {
        ...ws(),
        clusterId,
        stepId: pending[1]!.stepId,
      });
      expect(cancelled.state).toBe('CANCELLED');
      await bed.call('clusters.cancelStep', { ...ws(), clusterId, stepId: pending[0]!.stepId });
    } finally {
      bed.emulator.pipeline.steps.timings.minRunMs = 120;
    }
    await bed.emulator.pipeline.idle();
  });

  it('launches a transient cluster only with the confirmation of its estimate', async () => {
    const template = { name: 'adhoc', logUri: 's3://lake-curated/emr-logs/', coreInstanceCount: 3 };
    const estimate = await bed.call('clusters.estimateLaunch', { ...ws(), template });
    expect(estimate).toMatchObject({ hourlyUsd: 0.96, idleCeilingUsd: 1.2 });
    await expect(
      bed.call('clusters.launchCluster', {
        ...ws(),
        template: { ...template, coreInstanceCount: 9 },
        confirmation: estimate.confirmation,
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const launched = await bed.call('clusters.launchCluster', {
      ...ws(),
      template,
      confirmation: estimate.confirmation,
    });
    expect(launched).toMatchObject({ name: 'adhoc', state: 'STARTING' });
  });
});
