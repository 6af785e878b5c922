import { z } from 'zod';
import {
  ClusterDetail,
  ClusterSummary,
  ClusterTemplate,
  LaunchEstimate,
  Step,
  StepLog,
  StepLogName,
  StepOutcome,
  StepState,
  SubmittedStep,
} from './emr.schema';
import { S3Uri, WorkspaceRef } from './glue.schema';

/** The lake's own jobs: the local twins of the EMR steps. */
export const LakeJobName = z.enum(['gross-profit', 'process-orders']);
export type LakeJobName = z.infer<typeof LakeJobName>;

export const LakeJobRun = z.object({
  name: LakeJobName,
  startedAt: z.string(),
  endedAt: z.string(),
  state: z.enum(['succeeded', 'failed', 'cancelled']),
  /** Lake paths written. */
  outputs: z.array(z.string()),
  /** What the job counted, e.g. kept / filtered / bad_date, or rows written. */
  counts: z.record(z.string(), z.number()),
  error: z.string().optional(),
});
export type LakeJobRun = z.infer<typeof LakeJobRun>;

const ClusterRef = WorkspaceRef.extend({ clusterId: z.string().min(1) });
const StepRef = ClusterRef.extend({ stepId: z.string().min(1) });
const GlueName = z.string().min(1).max(255);

/** What the gross-profit step runs on: Glue database, table names, where to write, which rates. */
export const GrossProfitStepInput = ClusterRef.extend({
  database: GlueName,
  /** Glue table names when they differ from the SQL's (`billing`, `units_sold`, …). */
  tables: z
    .object({
      billing: GlueName.optional(),
      units_sold: GlueName.optional(),
      production_costs: GlueName.optional(),
      currency_rates: GlueName.optional(),
    })
    .default({}),
  /** Default `s3://<LogUri bucket>/lakedesk/output/gross-profit/`; each run writes under `run_id=<id>/`. */
  outputPath: S3Uri.optional(),
  /** Default `s3://<LogUri bucket>/lakedesk/code/<app version>/`. */
  codePrefix: S3Uri.optional(),
  /** Rates to USD by currency; without them the job uses the currency_rates table or the defaults. */
  currencyRates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()).optional(),
  runId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});

/**
 * clusters.*: `runJob` and `jobHistory` are the local lake's jobs; the rest are EMR and need an AWS
 * workspace (optional `workspaceId`, default the active one).
 */
export const clustersContract = {
  /** Runs a lake job (gross-profit report into curated/, orders into processed/). Local lake. */
  'clusters.runJob': {
    input: z.object({ name: LakeJobName, olderThanDays: z.number().int().min(0).optional() }),
    output: z.object({ jobId: z.string() }),
    job: LakeJobRun,
  },
  /** Past runs of the lake jobs, newest first (kept in the lake's `.lakedesk/`). Local lake. */
  'clusters.jobHistory': { input: z.object({}), output: z.array(LakeJobRun) },
  /** EMR clusters, newest first, one page (50) at a time: `filter` active (default), terminated or all. */
  'clusters.listClusters': {
    input: WorkspaceRef.extend({
      filter: z.enum(['active', 'terminated', 'all']).default('active'),
      nextToken: z.string().optional(),
    }),
    output: z.object({ clusters: z.array(ClusterSummary), nextToken: z.string().optional() }),
  },
  /** One cluster: timeline, applications, release, instance groups or fleets, hours and a cost estimate. */
  'clusters.getCluster': { input: ClusterRef, output: ClusterDetail },
  /** A cluster's steps, newest first, optionally only some states. */
  'clusters.listSteps': {
    input: ClusterRef.extend({ states: z.array(StepState).optional(), nextToken: z.string().optional() }),
    output: z.object({ steps: z.array(Step), nextToken: z.string().optional() }),
  },
  'clusters.getStep': { input: StepRef, output: Step },
  /** A step's log from the cluster's LogUri (gzip), the last `tailBytes` of it. */
  'clusters.stepLog': {
    input: StepRef.extend({
      log: StepLogName.default('stderr'),
      tailBytes: z.number().int().min(1024).max(1_048_576).default(65_536),
    }),
    output: StepLog,
  },
  /**
   * Submits the gross-profit Spark step: uploads pyspark/gross_profit.py and the report SQL to the
   * code prefix (reused when unchanged), then AddJobFlowSteps (ActionOnFailure CONTINUE). Watches the
   * step: `clusters.stepChanged` on every change, `clusters.stepEnded` at the end.
   */
  'clusters.submitGrossProfit': { input: GrossProfitStepInput, output: SubmittedStep },
  /** Cancels a pending or running step (CancelSteps); watching goes on until it settles. */
  'clusters.cancelStep': { input: StepRef, output: Step },
  /**
   * Long work: waits for a step to end. Cancelling the job cancels the step (CancelSteps) and waits
   * until it settles. A FAILED step fails the job (RUN_FAILED) with the end of its stderr.
   */
  'clusters.waitForStep': { input: StepRef, output: z.object({ jobId: z.string() }), job: StepOutcome },
  /** Watches a cluster's pending and running steps until they end (events as for submit). */
  'clusters.watchSteps': { input: ClusterRef, output: z.object({ watching: z.array(z.string()) }) },
  /** The cost of a transient cluster before launching it, and the `confirmation` code that launches it. */
  'clusters.estimateLaunch': {
    input: WorkspaceRef.extend({ template: ClusterTemplate }),
    output: LaunchEstimate,
  },
  /**
   * Launches a transient cluster (RunJobFlow, auto-terminating when idle). Needs the `confirmation`
   * of an estimate of the same template: the person saw the cost and said yes.
   */
  'clusters.launchCluster': {
    input: WorkspaceRef.extend({ template: ClusterTemplate, confirmation: z.string().min(1) }),
    output: ClusterSummary,
  },
} as const;

/** Events of the clusters area (spread into `events` in contract.ts). */
export const clustersEvents = {
  /** A watched step changed state. */
  'clusters.stepChanged': z.object({ workspaceId: z.string(), clusterId: z.string(), step: Step }),
  /** A watched step ended; `title` and `body` are ready for an OS notification. */
  'clusters.stepEnded': z.object({
    workspaceId: z.string(),
    outcome: StepOutcome,
    title: z.string(),
    body: z.string(),
  }),
} as const;
