import {
  grossProfitArgs,
  runGrossProfitStep,
  type StepRunOutput,
  type TableReader,
} from './emr-gross-profit';
import { stepLogPrefix, writeStepLogs } from './emr-step-logs';
import { nowEpoch, type ClusterRecord, type EmrStore, type StepRecord } from './emr-store';
import type { S3Data } from './s3-data';

/** How long the emulated phases last; tests shorten them, or lengthen RUNNING to cancel a step. */
export interface EmrTimings {
  pendingMs: number;
  /** A step stays RUNNING at least this long, whatever it does. */
  minRunMs: number;
  cancelMs: number;
  /** STARTING and BOOTSTRAPPING of a new cluster, each. */
  startMs: number;
}

export const DEFAULT_EMR_TIMINGS: EmrTimings = { pendingMs: 150, minRunMs: 400, cancelMs: 150, startMs: 300 };

/** An injected failure: the next step (of a cluster, or any) ends FAILED with this stderr. */
export interface StepFailure {
  clusterId?: string;
  message: string;
  stderr?: string;
}

const ACTIVE = new Set(['PENDING', 'RUNNING', 'CANCEL_PENDING']);

/** Runs steps one at a time per cluster: PENDING → RUNNING → COMPLETED / FAILED / CANCELLED. */
export class StepRuns {
  private readonly running = new Map<string, AbortController>();
  private readonly failures: StepFailure[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: EmrStore,
    private readonly readTable: TableReader,
    private readonly s3: () => S3Data | undefined,
    readonly timings: EmrTimings,
  ) {}

  failNext(failure: StepFailure): void {
    this.failures.push(failure);
  }

  add(cluster: ClusterRecord, steps: StepRecord[]): void {
    cluster.steps.push(...steps);
    this.later(this.timings.pendingMs, () => this.next(cluster));
  }

  /** CancelSteps: a pending step ends at once; a running one goes CANCEL_PENDING, then CANCELLED. */
  cancel(
    cluster: ClusterRecord,
    stepIds: string[],
  ): Array<{ StepId: string; Status: string; Reason?: string }> {
    return stepIds.map((stepId) => {
      const step = this.store.step(cluster.Id, stepId);
      if (step.Status.State === 'PENDING') {
        this.end(step, 'CANCELLED', { Code: 'CANCELLED', Message: 'Cancelled by the user' });
        return { StepId: stepId, Status: 'SUBMITTED' };
      }
      if (step.Status.State !== 'RUNNING')
        return {
          StepId: stepId,
          Status: 'FAILED',
          Reason: `Step is ${step.Status.State} and cannot be cancelled`,
        };
      step.Status.State = 'CANCEL_PENDING';
      this.running.get(stepId)?.abort();
      return { StepId: stepId, Status: 'SUBMITTED' };
    });
  }

  /** A new cluster: STARTING → BOOTSTRAPPING → WAITING, then its steps. */
  launch(cluster: ClusterRecord): void {
    this.later(this.timings.startMs, () => {
      cluster.Status.State = 'BOOTSTRAPPING';
      this.later(this.timings.startMs, () => {
        cluster.Status.State = 'WAITING';
        cluster.Status.Timeline.ReadyDateTime = nowEpoch();
        this.next(cluster);
      });
    });
  }

  terminate(cluster: ClusterRecord, code: string, message: string, withErrors = false): void {
    cluster.Status.State = 'TERMINATING';
    cluster.Status.StateChangeReason = { Code: code, Message: message };
    for (const step of cluster.steps) if (step.Status.State === 'PENDING') this.end(step, 'CANCELLED', {});
    this.later(this.timings.startMs, () => {
      cluster.Status.State = withErrors ? 'TERMINATED_WITH_ERRORS' : 'TERMINATED';
      cluster.Status.Timeline.EndDateTime = nowEpoch();
    });
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    for (const a of this.running.values()) a.abort();
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => (this.timers.delete(timer), fn()), ms);
    this.timers.add(timer);
  }

  private next(cluster: ClusterRecord): void {
    if (!['WAITING', 'RUNNING'].includes(cluster.Status.State)) return;
    if (cluster.steps.some((s) => s.Status.State === 'RUNNING' || s.Status.State === 'CANCEL_PENDING'))
      return;
    const step = cluster.steps.find((s) => s.Status.State === 'PENDING');
    if (step) return void this.run(cluster, step);
    cluster.Status.State = 'WAITING';
    if (cluster.AutoTerminate) this.terminate(cluster, 'ALL_STEPS_COMPLETED', 'Steps completed');
  }

  private async run(cluster: ClusterRecord, step: StepRecord): Promise<void> {
    const abort = new AbortController();
    this.running.set(step.Id, abort);
    step.Status.State = 'RUNNING';
    step.Status.Timeline.StartDateTime = nowEpoch();
    cluster.Status.State = 'RUNNING';
    const cancelled = new Promise<'cancelled'>((r) =>
      abort.signal.addEventListener('abort', () => r('cancelled')),
    );
    const executed = this.execute(cluster, step).catch((error: unknown): StepRunOutput => ({
      ok: false,
      stdout: '',
      stderr: `${String(error)}\n`,
      error: String(error),
    }));
    const work = Promise.all([executed, new Promise((r) => setTimeout(r, this.timings.minRunMs))]);
    const outcome = await Promise.race([work.then(([out]) => out), cancelled]);
    this.running.delete(step.Id);
    if (outcome === 'cancelled') {
      await new Promise((r) => setTimeout(r, this.timings.cancelMs));
      await writeStepLogs(this.s3(), cluster, step, {
        ok: false,
        stdout: '',
        stderr: 'INFO step cancelled (SIGTERM sent to the driver)\n',
      });
      this.end(step, 'CANCELLED', { Code: 'CANCELLED', Message: 'Cancelled by the user' });
    } else {
      await writeStepLogs(this.s3(), cluster, step, outcome);
      if (outcome.ok) this.end(step, 'COMPLETED', {});
      else this.fail(cluster, step, outcome);
    }
    if (!cluster.Status.State.startsWith('TERMINAT')) this.next(cluster);
  }

  private fail(cluster: ClusterRecord, step: StepRecord, outcome: StepRunOutput): void {
    step.Status.FailureDetails = {
      Reason: 'Unknown Error.',
      Message: outcome.error ?? 'Step failed',
      LogFile: `${stepLogPrefix(cluster, step)}stderr.gz`,
    };
    this.end(step, 'FAILED', {});
    if (step.ActionOnFailure === 'CANCEL_AND_WAIT')
      for (const s of cluster.steps) if (s.Status.State === 'PENDING') this.end(s, 'CANCELLED', {});
    if (step.ActionOnFailure.startsWith('TERMINATE'))
      this.terminate(cluster, 'STEP_FAILURE', `Shut down as step failed`, true);
  }

  private async execute(cluster: ClusterRecord, step: StepRecord): Promise<StepRunOutput> {
    const injected = this.failures.findIndex((f) => !f.clusterId || f.clusterId === cluster.Id);
    if (injected >= 0) {
      const [f] = this.failures.splice(injected, 1);
      return { ok: false, stdout: '', stderr: f!.stderr ?? `${f!.message}\n`, error: f!.message };
    }
    const args = grossProfitArgs(step.Config.Args);
    const s3 = this.s3();
    if (args && s3) return runGrossProfitStep(args, s3, this.readTable);
    return { ok: true, stdout: `ran: ${step.Config.Args.join(' ')}\n`, stderr: '' };
  }

  private end(
    step: StepRecord,
    state: StepRecord['Status']['State'],
    reason: StepRecord['Status']['StateChangeReason'],
  ): void {
    step.Status.State = state;
    step.Status.StateChangeReason = reason;
    step.Status.Timeline.EndDateTime = nowEpoch();
  }

  /** Whether any step is still pending or running (tests wait for the emulator to be idle). */
  isBusy(): boolean {
    return this.store.clusters.some((c) => c.steps.some((s) => ACTIVE.has(s.Status.State)));
  }
}
