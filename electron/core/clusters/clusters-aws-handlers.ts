import type { z } from 'zod';
import type { GrossProfitStepInput } from '@shared/clusters.schema';
import type { Step, StepOutcome, SubmittedStep } from '@shared/emr.schema';
import { LakeError } from '@shared/errors';
import { lakeFormationRefusal } from '../aws-caller';
import { cancelledError } from '../errors';
import type { CallContext, HandlerMap } from '../handler-types';
import type { JobControl } from '../jobs';
import { openAwsClusters, using } from '../providers';
import type { AwsClusters } from './aws-clusters';
import { codePrefixFor, newRunId, outputFor, sparkSubmitArgs } from './gross-profit-step';
import { estimateLaunch, requireConfirmed } from './launch-template';
import { lastLines } from './step-log';

type Methods =
  | 'clusters.listClusters'
  | 'clusters.getCluster'
  | 'clusters.listSteps'
  | 'clusters.getStep'
  | 'clusters.stepLog'
  | 'clusters.submitGrossProfit'
  | 'clusters.cancelStep'
  | 'clusters.waitForStep'
  | 'clusters.watchSteps'
  | 'clusters.estimateLaunch'
  | 'clusters.launchCluster';

async function withEmr<T>(
  ctx: CallContext,
  workspaceId: string | undefined,
  work: (c: AwsClusters, id: string) => Promise<T>,
) {
  const { workspaceId: id, clusters } = await openAwsClusters(ctx, workspaceId);
  return using(clusters, (c) => work(c, id));
}

function watch(
  ctx: CallContext,
  workspaceId: string,
  clusterId: string,
  stepId: string,
): Promise<StepOutcome> {
  const open = async (signal: AbortSignal) => (await openAwsClusters(ctx, workspaceId, signal)).clusters;
  return ctx.watches.steps.watch(workspaceId, clusterId, stepId, open);
}

const TAKES_STEPS = new Set(['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING']);

async function submitGrossProfit(
  input: z.output<typeof GrossProfitStepInput>,
  ctx: CallContext,
): Promise<SubmittedStep> {
  return withEmr(ctx, input.workspaceId, async (c, workspaceId) => {
    const cluster = await c.getCluster(input.clusterId);
    if (!TAKES_STEPS.has(cluster.state))
      throw new LakeError(
        'BAD_INPUT',
        `Cluster ${cluster.name} (${cluster.id}) is ${cluster.state} and takes no steps.`,
        'Choose an active cluster, or launch one.',
      );
    const runId = input.runId ?? newRunId();
    const prefix = codePrefixFor(cluster.id, cluster.logUri, input.codePrefix, ctx.version);
    const output = outputFor(cluster.id, cluster.logUri, input.outputPath, runId);
    const code = await c.uploadCode(prefix);
    const args = sparkSubmitArgs({
      codePrefix: prefix,
      database: input.database,
      tables: input.tables,
      output,
      runId,
      ...(input.currencyRates ? { currencyRates: input.currencyRates } : {}),
    });
    const stepId = await c.addStep(cluster.id, `Lakedesk gross profit ${runId}`, args);
    watch(ctx, workspaceId, cluster.id, stepId).catch(() => undefined);
    return { clusterId: cluster.id, stepId, runId, code: { prefix, ...code }, output, args };
  });
}

const READ_LOG = 'Read the whole log with clusters.stepLog (CLI: `lakedesk step logs`).';

/** A Lake Formation refusal in a step's failure, explained: the cluster's role lacks a permission. */
function stepFailureHint(step: Step, text: string): string | undefined {
  const refusal = lakeFormationRefusal(text);
  if (!refusal) return undefined;
  const at = step.args.indexOf('--database');
  const table =
    at >= 0 && !refusal.table.includes('.') ? `${step.args[at + 1]}.${refusal.table}` : refusal.table;
  const permission = refusal.permission ?? 'SELECT';
  return (
    `The cluster reads tables as its EC2 instance role, which lacks the Lake Formation permission ${permission} on table ${table}. ` +
    `Ask a Lake Formation administrator to grant ${permission} on ${table} to the cluster's instance role.`
  );
}

/** RUN_FAILED for a failed step: EMR's reason, the end of its stderr, and what to do. */
async function failedStepError(ctx: CallContext, workspaceId: string, clusterId: string, step: Step) {
  const log = await withEmr(ctx, workspaceId, (c) => c.stepLog(clusterId, step.id, 'stderr', 65_536));
  const tail = log.found ? `\n--- end of stderr (${log.uri}) ---\n${lastLines(log.text, 20)}` : '';
  const reason = step.failure?.message ?? step.stateChangeReason?.message ?? 'no reason given';
  const hint =
    stepFailureHint(step, `${step.failure?.message ?? ''}\n${log.text}`) ??
    (log.found ? READ_LOG : (log.hint ?? READ_LOG));
  return new LakeError(
    'RUN_FAILED',
    `Step ${step.name} (${step.id}) ${step.state.toLowerCase()}: ${reason}.${tail}`,
    hint,
  );
}

/** Waits for a step; a job cancel sends CancelSteps and waits for EMR to settle the step. */
async function waitForStep(
  input: { workspaceId?: string | undefined; clusterId: string; stepId: string },
  ctx: CallContext,
  job: JobControl,
) {
  const { clusterId, stepId } = input;
  const workspaceId = await withEmr(
    ctx,
    input.workspaceId,
    async (c, id) => (await c.getStep(clusterId, stepId), id),
  );
  const began = Date.now();
  const stop = ctx.events.subscribe((topic, payload) => {
    const p = payload as { workspaceId?: string; step?: Step };
    if (topic === 'clusters.stepChanged' && p.workspaceId === workspaceId && p.step?.id === stepId)
      job.progress({ done: Math.round((Date.now() - began) / 1000), unit: 's', message: p.step.state });
  });
  // Quitting the app cancels jobs too, and must leave the step running on the cluster.
  const onAbort = () => {
    if (ctx.watches.steps.isClosed) return;
    withEmr(ctx, workspaceId, (c) => c.cancelStep(clusterId, stepId)).catch(() => undefined);
  };
  job.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const outcome = await watch(ctx, workspaceId, clusterId, stepId);
    const { step } = outcome;
    if (job.signal.aborted) throw cancelledError();
    if (step.state === 'CANCELLED')
      throw new LakeError('CANCELLED', `Step ${step.name} was cancelled before it finished.`);
    if (step.state === 'FAILED' || step.state === 'INTERRUPTED')
      throw await failedStepError(ctx, workspaceId, clusterId, step);
    return outcome;
  } finally {
    stop();
    job.signal.removeEventListener('abort', onAbort);
  }
}

/** clusters.* for AWS workspaces: EMR clusters, steps, logs, the gross-profit step, transient launches. */
export const clustersAwsHandlers: HandlerMap<Methods> = {
  'clusters.listClusters': ({ workspaceId, ...q }, ctx) =>
    withEmr(ctx, workspaceId, (c) => c.listClusters(q)),
  'clusters.getCluster': (input, ctx) =>
    withEmr(ctx, input.workspaceId, (c) => c.getCluster(input.clusterId)),
  'clusters.listSteps': ({ workspaceId, ...q }, ctx) => withEmr(ctx, workspaceId, (c) => c.listSteps(q)),
  'clusters.getStep': (input, ctx) =>
    withEmr(ctx, input.workspaceId, (c) => c.getStep(input.clusterId, input.stepId)),
  'clusters.stepLog': (input, ctx) =>
    withEmr(ctx, input.workspaceId, (c) =>
      c.stepLog(input.clusterId, input.stepId, input.log, input.tailBytes),
    ),
  'clusters.submitGrossProfit': submitGrossProfit,
  'clusters.cancelStep': (input, ctx) =>
    withEmr(ctx, input.workspaceId, async (c, id) => {
      await c.cancelStep(input.clusterId, input.stepId);
      watch(ctx, id, input.clusterId, input.stepId).catch(() => undefined);
      return c.getStep(input.clusterId, input.stepId);
    }),
  'clusters.waitForStep': { title: (input) => `Watch EMR step ${input.stepId}`, run: waitForStep },
  'clusters.watchSteps': (input, ctx) =>
    withEmr(ctx, input.workspaceId, async (c, id) => {
      const { steps } = await c.listSteps({
        clusterId: input.clusterId,
        states: ['PENDING', 'RUNNING', 'CANCEL_PENDING'],
      });
      for (const s of steps) watch(ctx, id, input.clusterId, s.id).catch(() => undefined);
      return { watching: steps.map((s) => s.id) };
    }),
  'clusters.estimateLaunch': async (input, ctx) => {
    await withEmr(ctx, input.workspaceId, async () => undefined);
    return estimateLaunch(input.template);
  },
  'clusters.launchCluster': (input, ctx) => {
    requireConfirmed(input.template, input.confirmation);
    return withEmr(ctx, input.workspaceId, (c) => c.launch(input.template));
  },
};
