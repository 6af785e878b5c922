import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ClusterDetail, Step, SubmittedStep } from '@shared/emr.schema';
import { App } from '../../../app/App';
import { routeHref } from '../../../app/route';
import { fakeBridge, shellAnswers } from '../../../lib/fake-bridge';

const CLUSTER = 'j-FINANCEETL01';
const summary = {
  id: CLUSTER,
  name: 'finance-etl',
  state: 'WAITING',
  createdAt: '2025-03-01T08:00:00Z',
  readyAt: '2025-03-01T08:08:00Z',
  normalizedInstanceHours: 48,
};
const detail: ClusterDetail = {
  ...summary,
  state: 'WAITING',
  releaseLabel: 'emr-7.5.0',
  applications: [{ name: 'Spark', version: '3.5.2' }],
  logUri: 's3://lake-curated/emr-logs/',
  instanceCollectionType: 'INSTANCE_GROUP',
  instanceGroups: [
    {
      id: 'ig-1',
      role: 'MASTER',
      market: 'ON_DEMAND',
      instanceType: 'm5.xlarge',
      requested: 1,
      running: 1,
      state: 'RUNNING',
    },
    {
      id: 'ig-2',
      role: 'CORE',
      market: 'ON_DEMAND',
      instanceType: 'm5.xlarge',
      requested: 2,
      running: 2,
      state: 'RUNNING',
    },
  ],
  instanceFleets: [],
  autoTerminate: false,
  terminationProtected: false,
  tags: {},
  cost: { hourlyUsd: 0.72, toDateUsd: 1.44, basis: 'On-demand list prices' },
};
const step = (id: string, state: Step['state'], extra: Partial<Step> = {}): Step => ({
  id,
  name: `Lakedesk gross profit ${id}`,
  state,
  args: [
    'spark-submit',
    's3://lake-curated/lakedesk/code/gross_profit.py',
    '--output',
    's3://lake-curated/out/',
  ],
  ...extra,
});
const failed = step('s-FAILED', 'FAILED', {
  startedAt: '2025-03-01T09:00:00Z',
  endedAt: '2025-03-01T09:00:03Z',
  failure: { reason: 'Unknown Error.', message: 'SparkException: Application finished with failed status' },
});
const submitted: SubmittedStep = {
  clusterId: CLUSTER,
  stepId: 's-NEW',
  runId: 'run-1',
  code: { prefix: 's3://lake-curated/lakedesk/code/0.1.0/', uploaded: [], reused: ['gross_profit.py'] },
  output: {
    prefix: 's3://lake-curated/out/run_id=run-1/',
    csv: 's3://lake-curated/out/run_id=run-1/csv/',
    parquet: 's3://lake-curated/out/run_id=run-1/parquet/',
    notes: 's3://lake-curated/out/run_id=run-1/notes/',
    files: [],
  },
  args: [],
};

const answers = {
  ...shellAnswers,
  'clusters.listClusters': () => ({ clusters: [summary] }),
  'clusters.getCluster': () => detail,
  'clusters.listSteps': () => ({ steps: [failed] }),
  'clusters.watchSteps': () => ({ watching: [] }),
  'clusters.stepLog': (input: unknown) => ({
    clusterId: CLUSTER,
    stepId: (input as { stepId: string }).stepId,
    log: (input as { log?: string }).log ?? 'stderr',
    uri: 's3://lake-curated/emr-logs/stderr.gz',
    found: true,
    text: 'Traceback (most recent call last):\nAnalysisException: [TABLE_OR_VIEW_NOT_FOUND] billing',
    truncated: false,
  }),
  'catalog.listDatabases': () => ({ databases: [{ name: 'lake' }] }),
  'clusters.submitGrossProfit': () => submitted,
  'clusters.waitForStep': () => ({ jobId: 'job-9' }),
  'clusters.cancelStep': () => step('s-NEW', 'CANCEL_PENDING'),
};

const job = (state: 'running' | 'cancelled' | 'succeeded', result?: unknown) => ({
  id: 'job-9',
  method: 'clusters.waitForStep',
  title: 'Watch EMR step s-NEW',
  state,
  progress: { done: 0 },
  startedAt: '2025-03-01T10:00:00Z',
  ...(state === 'running' ? {} : { endedAt: '2025-03-01T10:00:09Z' }),
  ...(result ? { result } : {}),
});

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('clusters of an AWS workspace', () => {
  it('shows the first active cluster with its cost, and a failed step’s failure and stderr', async () => {
    window.location.hash = routeHref('clusters');
    const lake = fakeBridge(answers);
    render(<App client={lake.client} />);
    const cost = await screen.findByTestId('cluster-cost');
    expect(cost.textContent).toContain('$0.72');
    expect(screen.getAllByTestId('instance-group')).toHaveLength(2);
    fireEvent.click(within(await screen.findByTestId('step-row')).getByRole('button'));
    expect((await screen.findByTestId('step-failure')).textContent).toContain('SparkException');
    expect((await screen.findByTestId('step-log-text')).textContent).toContain('TABLE_OR_VIEW_NOT_FOUND');
    expect(lake.called('clusters.stepLog')[0]?.input).toMatchObject({ stepId: 's-FAILED', log: 'stderr' });
  });

  it('submits the gross-profit step, follows it, and cancels it until EMR settles it', async () => {
    window.location.hash = routeHref('clusters');
    const lake = fakeBridge(answers);
    render(<App client={lake.client} />);
    fireEvent.click(await screen.findByTestId('submit-gross-profit'));
    const dialog = await screen.findByTestId('gross-profit-dialog');
    await waitFor(() =>
      expect((within(dialog).getByTestId('gross-profit-database') as HTMLSelectElement).value).toBe('lake'),
    );
    fireEvent.click(within(dialog).getByTestId('gross-profit-set-rates'));
    fireEvent.click(within(dialog).getByTestId('gross-profit-submit'));
    const run = await screen.findByTestId('submitted-step');
    expect(lake.called('clusters.submitGrossProfit')[0]?.input).toMatchObject({
      clusterId: CLUSTER,
      database: 'lake',
      currencyRates: { USD: 1, CAD: 0.79, MXN: 0.05 },
    });
    await waitFor(() => expect(lake.called('clusters.waitForStep')).toHaveLength(1));
    lake.emit('jobs.changed', job('running'));
    lake.emit('clusters.stepChanged', {
      workspaceId: 'aws-1',
      clusterId: CLUSTER,
      step: step('s-NEW', 'RUNNING'),
    });
    expect(run.getAttribute('data-state')).toBe('RUNNING');

    fireEvent.click(within(run).getByTestId('step-cancel'));
    await waitFor(() => expect(lake.called('clusters.cancelStep')).toHaveLength(1));
    lake.emit('clusters.stepChanged', {
      workspaceId: 'aws-1',
      clusterId: CLUSTER,
      step: step('s-NEW', 'CANCEL_PENDING'),
    });
    // Still watched, still showing, until the step settles.
    expect(run.getAttribute('data-ended')).toBe('false');
    expect(run.textContent).toContain('Cancelling');
    lake.emit('clusters.stepChanged', {
      workspaceId: 'aws-1',
      clusterId: CLUSTER,
      step: step('s-NEW', 'CANCELLED'),
    });
    lake.emit('jobs.changed', job('cancelled'));
    expect(run.getAttribute('data-ended')).toBe('true');
    expect(run.textContent).toContain('Cancelled on the cluster');
  });

  it('shows a completed run’s output files, offered as paths to copy', async () => {
    window.location.hash = routeHref('clusters');
    const lake = fakeBridge(answers);
    render(<App client={lake.client} />);
    fireEvent.click(await screen.findByTestId('submit-gross-profit'));
    const dialog = await screen.findByTestId('gross-profit-dialog');
    await waitFor(() =>
      expect((within(dialog).getByTestId('gross-profit-database') as HTMLSelectElement).value).toBe('lake'),
    );
    fireEvent.click(within(dialog).getByTestId('gross-profit-submit'));
    const run = await screen.findByTestId('submitted-step');
    await waitFor(() => expect(lake.called('clusters.waitForStep')).toHaveLength(1));
    const file = 's3://lake-curated/out/run_id=run-1/csv/part-00000.csv';
    const done = step('s-NEW', 'COMPLETED', {
      startedAt: '2025-03-01T10:00:01Z',
      endedAt: '2025-03-01T10:00:08Z',
    });
    lake.emit('clusters.stepChanged', { workspaceId: 'aws-1', clusterId: CLUSTER, step: done });
    lake.emit(
      'jobs.changed',
      job('succeeded', { clusterId: CLUSTER, step: done, output: { ...submitted.output, files: [file] } }),
    );
    const output = await within(run).findByTestId('output-file');
    expect(output.getAttribute('data-uri')).toBe(file);
    expect(within(output).getByTestId('output-copy')).toBeTruthy();
    await waitFor(() =>
      expect(lake.called('storage.preview')[0]?.input).toMatchObject({ path: file.slice(5) }),
    );
  });
});
