import type { LakeJobName, LakeJobRun } from '@shared/clusters.schema';
import { LakeError } from '@shared/errors';
import type { JobProgress } from '@shared/jobs.schema';
import { isMarkedReadOnly } from '../catalog/catalog-store';
import { toErrorShape } from '../errors';
import type { LocalLake } from '../engine/lake-engines';
import { runGrossProfitJob } from './gross-profit-job';
import { recordJobRun } from './job-history-store';
import type { JobOutcome, JobStep } from './lake-job-types';
import { runProcessOrdersJob } from './process-orders-job';

export interface LakeJobOptions {
  /** process-orders: how old a Pending or Cancelled order must be to be filtered out (default 30). */
  olderThanDays?: number;
  /** "Today" for the orders rule; the clock, unless a test fixes it. */
  now?: Date;
}

function runBody(
  name: LakeJobName,
  lake: LocalLake,
  options: LakeJobOptions,
  signal: AbortSignal,
  step: JobStep,
): Promise<JobOutcome> {
  switch (name) {
    case 'gross-profit':
      return runGrossProfitJob(lake, signal, step);
    case 'process-orders':
      return runProcessOrdersJob(
        lake,
        { olderThanDays: options.olderThanDays ?? 30, now: options.now ?? new Date() },
        signal,
        step,
      );
  }
}

/**
 * Runs one of the lake's jobs (the local twins of the EMR steps) and records the run, whatever its
 * end, in the lake's history. A failure or cancel is recorded, then passed on.
 */
export async function runLakeJob(
  lake: LocalLake,
  name: LakeJobName,
  options: LakeJobOptions,
  signal: AbortSignal,
  progress: (p: JobProgress) => void = () => undefined,
): Promise<LakeJobRun> {
  if (await isMarkedReadOnly(lake.root)) {
    throw new LakeError(
      'IO',
      `The lake folder ${lake.root} is read-only, so ${name} cannot write its output.`,
      'Copy the lake somewhere writable, or make the folder writable.',
    );
  }
  const startedAt = new Date().toISOString();
  const step: JobStep = (done, total, message) => progress({ done, total, unit: 'steps', message });
  try {
    const outcome = await runBody(name, lake, options, signal, step);
    const run: LakeJobRun = {
      name,
      startedAt,
      endedAt: new Date().toISOString(),
      state: 'succeeded',
      ...outcome,
    };
    await recordJobRun(lake.root, run);
    return run;
  } catch (error) {
    const shape = toErrorShape(error);
    const cancelled = signal.aborted || shape.code === 'CANCELLED';
    await recordJobRun(lake.root, {
      name,
      startedAt,
      endedAt: new Date().toISOString(),
      state: cancelled ? 'cancelled' : 'failed',
      outputs: [],
      counts: {},
      ...(cancelled ? {} : { error: shape.message }),
    }).catch(() => undefined);
    throw error;
  }
}
