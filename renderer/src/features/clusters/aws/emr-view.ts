import type { ClusterState, Step, StepState } from '@shared/emr.schema';

type Tone = 'neutral' | 'accent' | 'ok' | 'warn' | 'danger';

export const CLUSTER_STATE_TONE: Record<ClusterState, Tone> = {
  STARTING: 'accent',
  BOOTSTRAPPING: 'accent',
  RUNNING: 'ok',
  WAITING: 'ok',
  TERMINATING: 'warn',
  TERMINATED: 'neutral',
  TERMINATED_WITH_ERRORS: 'danger',
};

export const STEP_STATE_TONE: Record<StepState, Tone> = {
  PENDING: 'neutral',
  CANCEL_PENDING: 'warn',
  RUNNING: 'accent',
  COMPLETED: 'ok',
  CANCELLED: 'neutral',
  FAILED: 'danger',
  INTERRUPTED: 'danger',
};

const FINAL_STEP_STATES = new Set<StepState>(['COMPLETED', 'CANCELLED', 'FAILED', 'INTERRUPTED']);
/** States in which EMR accepts new steps (AddJobFlowSteps). */
const TAKES_STEPS = new Set<ClusterState>(['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING']);

export function isStepFinal(state: StepState): boolean {
  return FINAL_STEP_STATES.has(state);
}

export function takesSteps(state: ClusterState): boolean {
  return TAKES_STEPS.has(state);
}

export function isStateBusy(state: ClusterState | StepState): boolean {
  return ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'TERMINATING', 'PENDING', 'CANCEL_PENDING'].includes(state);
}

/** Puts a step as an event or a call returned it into a newest-first list (a new one at the top). */
export function withStep(list: readonly Step[], step: Step): Step[] {
  const at = list.findIndex((s) => s.id === step.id);
  if (at < 0) return [step, ...list];
  const next = [...list];
  next[at] = step;
  return next;
}

/** A step's command line as one shell-like line (arguments with spaces quoted). */
export function commandLine(step: Pick<Step, 'args' | 'jar'>): string {
  const quote = (a: string) => (/[\s"']/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a);
  return step.args.map(quote).join(' ');
}

/** The bucket of an S3 URI (`s3://bucket/…` → `bucket`). */
export function bucketOf(uri: string | undefined): string | undefined {
  return uri ? /^s3[an]?:\/\/([^/]+)/.exec(uri)?.[1] : undefined;
}
