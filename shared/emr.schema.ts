import { z } from 'zod';

/* The AWS side of the clusters area: EMR clusters and steps, as the UI sees them (ISO 8601 times). */

export const ClusterState = z.enum([
  'STARTING',
  'BOOTSTRAPPING',
  'RUNNING',
  'WAITING',
  'TERMINATING',
  'TERMINATED',
  'TERMINATED_WITH_ERRORS',
]);
export type ClusterState = z.infer<typeof ClusterState>;

export const StepState = z.enum([
  'PENDING',
  'CANCEL_PENDING',
  'RUNNING',
  'COMPLETED',
  'CANCELLED',
  'FAILED',
  'INTERRUPTED',
]);
export type StepState = z.infer<typeof StepState>;

const Reason = z.object({ code: z.string().optional(), message: z.string().optional() });

export const ClusterSummary = z.object({
  id: z.string(),
  name: z.string(),
  state: ClusterState,
  stateChangeReason: Reason.optional(),
  createdAt: z.string(),
  readyAt: z.string().optional(),
  endedAt: z.string().optional(),
  normalizedInstanceHours: z.number(),
});
export type ClusterSummary = z.infer<typeof ClusterSummary>;

export const InstanceGroup = z.object({
  id: z.string(),
  role: z.enum(['MASTER', 'CORE', 'TASK']),
  market: z.string(),
  instanceType: z.string(),
  requested: z.number(),
  running: z.number(),
  state: z.string(),
});

export const InstanceFleet = z.object({
  id: z.string(),
  role: z.enum(['MASTER', 'CORE', 'TASK']),
  targetOnDemand: z.number(),
  targetSpot: z.number(),
  provisionedOnDemand: z.number(),
  provisionedSpot: z.number(),
  instanceTypes: z.array(z.string()),
  state: z.string(),
});

/** A rough cost: list prices (EC2 on-demand + EMR uplift), no discounts, EBS or data transfer. */
export const CostEstimate = z.object({
  /** What the instances cost per hour while they run. */
  hourlyUsd: z.number(),
  /** Normalized instance hours so far × the cluster's price per normalized hour. */
  toDateUsd: z.number(),
  /** How the figure was made, in words, for the UI to show beside it. */
  basis: z.string(),
});
export type CostEstimate = z.infer<typeof CostEstimate>;

export const ClusterDetail = ClusterSummary.extend({
  releaseLabel: z.string().optional(),
  applications: z.array(z.object({ name: z.string(), version: z.string().optional() })),
  logUri: z.string().optional(),
  instanceCollectionType: z.enum(['INSTANCE_GROUP', 'INSTANCE_FLEET']).optional(),
  instanceGroups: z.array(InstanceGroup),
  instanceFleets: z.array(InstanceFleet),
  autoTerminate: z.boolean(),
  terminationProtected: z.boolean(),
  masterPublicDnsName: z.string().optional(),
  tags: z.record(z.string(), z.string()),
  cost: CostEstimate,
});
export type ClusterDetail = z.infer<typeof ClusterDetail>;

export const Step = z.object({
  id: z.string(),
  name: z.string(),
  state: StepState,
  actionOnFailure: z.string().optional(),
  jar: z.string().optional(),
  args: z.array(z.string()),
  createdAt: z.string().optional(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  stateChangeReason: Reason.optional(),
  /** For a FAILED step: EMR's reason, message and the S3 log file it points at. */
  failure: z
    .object({ reason: z.string().optional(), message: z.string().optional(), logFile: z.string().optional() })
    .optional(),
});
export type Step = z.infer<typeof Step>;

export const StepLogName = z.enum(['stderr', 'stdout', 'controller']);

/** A step's log, read from the cluster's LogUri and gunzipped (the tail when large). */
export const StepLog = z.object({
  clusterId: z.string(),
  stepId: z.string(),
  log: StepLogName,
  uri: z.string(),
  found: z.boolean(),
  text: z.string(),
  /** Whether only the end of the log is in `text`. */
  truncated: z.boolean(),
  /** Why there is no log yet (EMR copies logs to S3 a few minutes after a step ends). */
  hint: z.string().optional(),
});
export type StepLog = z.infer<typeof StepLog>;

/** Where a gross-profit run writes: one prefix per run id, CSV (with header), Parquet and notes. */
export const StepOutput = z.object({
  prefix: z.string(),
  csv: z.string(),
  parquet: z.string(),
  notes: z.string(),
  /** Files found under `csv` once the step completed. */
  files: z.array(z.string()),
});
export type StepOutput = z.infer<typeof StepOutput>;

export const SubmittedStep = z.object({
  clusterId: z.string(),
  stepId: z.string(),
  runId: z.string(),
  code: z.object({
    prefix: z.string(),
    /** Code files uploaded now, and those already there unchanged (reused). */
    uploaded: z.array(z.string()),
    reused: z.array(z.string()),
  }),
  output: StepOutput,
  /** The step's command line (spark-submit …). */
  args: z.array(z.string()),
});
export type SubmittedStep = z.infer<typeof SubmittedStep>;

export const StepOutcome = z.object({
  clusterId: z.string(),
  step: Step,
  durationMs: z.number().optional(),
  /** For a gross-profit step: where its output is. */
  output: StepOutput.optional(),
});
export type StepOutcome = z.infer<typeof StepOutcome>;

/** A transient cluster to launch: it runs what it is given, then terminates itself. */
export const ClusterTemplate = z.object({
  name: z.string().min(1).max(256),
  releaseLabel: z
    .string()
    .regex(/^emr-\d+\.\d+\.\d+$/)
    .default('emr-7.5.0'),
  applications: z.array(z.string()).default(['Spark', 'Hadoop', 'Hive']),
  primaryInstanceType: z.string().default('m5.xlarge'),
  coreInstanceType: z.string().default('m5.xlarge'),
  coreInstanceCount: z.number().int().min(0).max(50).default(2),
  logUri: z.string().regex(/^s3:\/\//),
  /** Terminate after this long without work. */
  idleTimeoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  serviceRole: z.string().default('EMR_DefaultRole'),
  instanceProfile: z.string().default('EMR_EC2_DefaultRole'),
});
export type ClusterTemplate = z.infer<typeof ClusterTemplate>;

export const LaunchEstimate = z.object({
  template: ClusterTemplate,
  hourlyUsd: z.number(),
  /** The most it costs if it idles until the idle timeout after starting. */
  idleCeilingUsd: z.number(),
  basis: z.string(),
  /** Pass back to `clusters.launchCluster` to confirm this exact template and estimate. */
  confirmation: z.string(),
});
export type LaunchEstimate = z.infer<typeof LaunchEstimate>;
