import { randomUUID } from 'node:crypto';
import type { Job, JobProgress } from '@shared/jobs.schema';
import { LakeError } from '@shared/errors';
import { cancelledError, toErrorShape } from './errors';
import type { EventBus } from './event-bus';

/** What a job's body gets: its id, a signal that fires on cancel, and a way to report progress. */
export interface JobControl {
  readonly id: string;
  readonly signal: AbortSignal;
  progress(progress: JobProgress): void;
  setTitle(title: string): void;
}

interface Entry {
  job: Job;
  abort: AbortController;
  done: Promise<Job>;
}

/** Progress events are throttled so a tight loop cannot flood IPC or the event stream. */
const PROGRESS_INTERVAL_MS = 100;
const MAX_FINISHED_JOBS = 200;

/** Every job of this run: id, progress events, cancel, final state. */
export class JobRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly events: EventBus) {}

  /** Starts `body` as a job and returns at once; the result arrives in the job's final state. */
  start(method: string, title: string, body: (control: JobControl) => Promise<unknown>): Job {
    const id = randomUUID();
    const abort = new AbortController();
    const job: Job = {
      id,
      method,
      title,
      state: 'running',
      progress: { done: 0 },
      startedAt: new Date().toISOString(),
    };
    let lastEmit = 0;
    const control: JobControl = {
      id,
      signal: abort.signal,
      progress: (progress) => {
        job.progress = progress;
        const now = Date.now();
        if (now - lastEmit >= PROGRESS_INTERVAL_MS) {
          lastEmit = now;
          this.emit(job);
        }
      },
      setTitle: (next) => {
        job.title = next;
      },
    };
    const done = Promise.resolve()
      .then(() => {
        // Cancelled before it began: the body would never see the abort event.
        if (abort.signal.aborted) throw cancelledError();
        return body(control);
      })
      .then(
        (result) => {
          if (abort.signal.aborted) return this.finish(job, 'cancelled');
          job.result = result;
          return this.finish(job, 'succeeded');
        },
        (error: unknown) => {
          const shape = toErrorShape(error);
          if (abort.signal.aborted || shape.code === 'CANCELLED') return this.finish(job, 'cancelled');
          job.error = shape;
          return this.finish(job, 'failed');
        },
      );
    this.entries.set(id, { job, abort, done });
    this.prune();
    this.emit(job);
    return { ...job };
  }

  list(): Job[] {
    return [...this.entries.values()].map((e) => ({ ...e.job })).reverse();
  }

  get(jobId: string): Job {
    return { ...this.entry(jobId).job };
  }

  /** Resolves with the job once it reaches a final state. */
  wait(jobId: string): Promise<Job> {
    return this.entry(jobId).done;
  }

  cancel(jobId: string): boolean {
    const entry = this.entry(jobId);
    if (entry.job.state !== 'running') return false;
    entry.abort.abort();
    return true;
  }

  /** Cancels everything still running, e.g. when the app quits. */
  cancelAll(): void {
    for (const entry of this.entries.values()) if (entry.job.state === 'running') entry.abort.abort();
  }

  private entry(jobId: string): Entry {
    const entry = this.entries.get(jobId);
    if (!entry)
      throw new LakeError('NOT_FOUND', `No job with id ${jobId}.`, 'It may have ended in an earlier run.');
    return entry;
  }

  private finish(job: Job, state: Job['state']): Job {
    job.state = state;
    job.endedAt = new Date().toISOString();
    if (state === 'cancelled') job.error = { code: 'CANCELLED', message: 'Cancelled.' };
    this.emit(job);
    return { ...job };
  }

  private emit(job: Job): void {
    this.events.emit('jobs.changed', { ...job, progress: { ...job.progress } });
  }

  private prune(): void {
    if (this.entries.size <= MAX_FINISHED_JOBS) return;
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= MAX_FINISHED_JOBS) break;
      if (entry.job.state !== 'running') this.entries.delete(id);
    }
  }
}
