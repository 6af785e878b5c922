import type { Step, StepOutcome, StepOutput } from '@shared/emr.schema';
import type { EventBus } from '../event-bus';
import { pollUntil, WatchSet, type PollPolicy } from '../poll-backoff';
import type { AwsClusters } from './aws-clusters';

export type OpenClusters = (signal: AbortSignal) => Promise<AwsClusters>;

const FINAL = new Set<Step['state']>(['COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED']);

export function isFinal(step: Step): boolean {
  return FINAL.has(step.state);
}

/** Where a gross-profit step writes, read back from its own command line (`--output`). */
export function outputOfStep(step: Step): StepOutput | undefined {
  if (!step.args.some((a) => a.endsWith('gross_profit.py'))) return undefined;
  const at = step.args.indexOf('--output');
  const prefix = at >= 0 ? step.args[at + 1] : undefined;
  if (!prefix) return undefined;
  return { prefix, csv: `${prefix}csv/`, parquet: `${prefix}parquet/`, notes: `${prefix}notes/`, files: [] };
}

/** Title and body of the notification for a step's end. */
export function stepEndedNotice(outcome: StepOutcome): { title: string; body: string } {
  const { step } = outcome;
  const what = `${step.name} on ${outcome.clusterId}`;
  if (step.state === 'COMPLETED')
    return {
      title: `Step finished: ${step.name}`,
      body: outcome.output ? `Output: ${outcome.output.csv}` : `${what} completed.`,
    };
  if (step.state === 'FAILED')
    return {
      title: `Step failed: ${step.name}`,
      body: step.failure?.message ?? `${what} failed; see its stderr.`,
    };
  return { title: `Step ${step.state.toLowerCase()}: ${step.name}`, body: `${what} did not finish.` };
}

/**
 * Watches EMR steps until they end: `clusters.stepChanged` on every change, `clusters.stepEnded` when a
 * step it saw pending or running ends. Polling backs off while nothing changes; one watch per step.
 */
export class StepWatch {
  private readonly watches = new WatchSet<StepOutcome>();

  constructor(
    private readonly events: EventBus,
    private readonly policy: PollPolicy,
  ) {}

  watching(): string[] {
    return this.watches.keys();
  }

  /** Watches a step until it ends; resolves with how it ended (at once if it already had). */
  watch(workspaceId: string, clusterId: string, stepId: string, open: OpenClusters): Promise<StepOutcome> {
    return this.watches.join(`${workspaceId}/${clusterId}/${stepId}`, (signal) =>
      this.run(workspaceId, clusterId, stepId, open, signal),
    );
  }

  /** Whether the app is quitting: a cancelled wait must then leave the remote work running. */
  get isClosed(): boolean {
    return this.watches.isClosed;
  }

  close(): void {
    this.watches.close();
  }

  private async run(
    workspaceId: string,
    clusterId: string,
    stepId: string,
    open: OpenClusters,
    signal: AbortSignal,
  ): Promise<StepOutcome> {
    const clusters = await open(signal);
    try {
      let sawActive = false;
      const step = await pollUntil(() => clusters.getStep(clusterId, stepId), {
        policy: this.policy,
        signal,
        fingerprint: (s) => s.state,
        onChange: (s) => {
          sawActive ||= !isFinal(s);
          this.events.emit('clusters.stepChanged', { workspaceId, clusterId, step: s });
        },
        isDone: isFinal,
      });
      const output = outputOfStep(step);
      const outcome: StepOutcome = {
        clusterId,
        step,
        ...(step.startedAt && step.endedAt
          ? { durationMs: Date.parse(step.endedAt) - Date.parse(step.startedAt) }
          : {}),
        ...(output
          ? { output: step.state === 'COMPLETED' ? await clusters.outputFiles(output) : output }
          : {}),
      };
      if (sawActive)
        this.events.emit('clusters.stepEnded', { workspaceId, outcome, ...stepEndedNotice(outcome) });
      return outcome;
    } finally {
      clusters.close();
    }
  }
}
