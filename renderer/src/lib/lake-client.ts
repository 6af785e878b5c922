import type { z } from 'zod';
import {
  contract,
  events,
  type EventPayload,
  type Input,
  type JobMethod,
  type JobResult,
  type Method,
  type Output,
  type Topic,
} from '@shared/contract';
import type { Job } from '@shared/jobs.schema';
import type { LakeBridge, LakeClient } from '@shared/lake-api';
import { createHttpBridge } from './http-bridge';
import { LakeCallError } from './lake-error';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    lake?: LakeBridge;
  }
}

export interface RunJobOptions {
  /** Every state the job passes through while it runs (progress, title). */
  onProgress?: (job: Job) => void;
  /** Aborting asks the core to cancel the job (jobs.cancel) and rejects with CANCELLED. */
  signal?: AbortSignal;
  /** Called as soon as the job exists, e.g. to show it or cancel it from elsewhere. */
  onStart?: (jobId: string) => void;
}

export interface TypedLakeClient extends LakeClient {
  runJob<M extends JobMethod>(method: M, input: Input<M>, options?: RunJobOptions): Promise<JobResult<M>>;
}

/** How often a waiting job is polled besides its events, in case an event was missed. */
const JOB_POLL_MS = 2000;

/** The bridge of this front door: the preload's in Electron, HTTP on the same origin otherwise. */
export function pickBridge(onAuthFailure?: () => void): LakeBridge {
  if (typeof window !== 'undefined' && window.lake) return window.lake;
  return createHttpBridge(onAuthFailure ? { onAuthFailure } : {});
}

/** Derives the typed client from a bridge: outputs and job results are checked against the contract. */
export function createLakeClient(bridge: LakeBridge): TypedLakeClient {
  async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await bridge.invoke(method, input);
    if (!result.ok) throw new LakeCallError(result.error);
    const parsed = (contract[method].output as z.ZodType).safeParse(result.value);
    if (!parsed.success) throw contractDrift(method);
    return parsed.data as Output<M>;
  }

  function on<T extends Topic>(topic: T, listener: (payload: EventPayload<T>) => void): () => void {
    return bridge.on(topic, (payload) => {
      const parsed = (events[topic] as z.ZodType).safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<T>);
    });
  }

  async function runJob<M extends JobMethod>(
    method: M,
    input: Input<M>,
    options: RunJobOptions = {},
  ): Promise<JobResult<M>> {
    options.signal?.throwIfAborted();
    const { jobId } = (await call(method, input)) as { jobId: string };
    options.onStart?.(jobId);
    const job = await waitForJob(jobId, options);
    const schema = (contract[method] as unknown as { job: z.ZodType }).job;
    const parsed = schema.safeParse(job.result);
    if (!parsed.success) throw contractDrift(method);
    return parsed.data as JobResult<M>;
  }

  function waitForJob(jobId: string, options: RunJobOptions): Promise<Job> {
    return new Promise<Job>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        unsubscribe();
        clearInterval(poll);
        options.signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const seen = (job: Job): void => {
        if (job.id !== jobId || settled) return;
        if (job.state === 'running') return options.onProgress?.(job);
        if (job.state === 'succeeded') return settle(() => resolve(job));
        const error = job.error ?? {
          code: job.state === 'cancelled' ? 'CANCELLED' : 'INTERNAL',
          message: job.title,
        };
        settle(() => reject(new LakeCallError(error)));
      };
      const check = (): void => {
        call('jobs.get', { jobId }).then(seen, (error: unknown) => settle(() => reject(error)));
      };
      const onAbort = (): void => {
        void call('jobs.cancel', { jobId }).catch(() => undefined);
        settle(() => reject(new LakeCallError({ code: 'CANCELLED', message: 'Cancelled.' })));
      };
      const unsubscribe = on('jobs.changed', seen);
      const poll = setInterval(check, JOB_POLL_MS);
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      // The job may have finished before the subscription existed.
      check();
    });
  }

  return { call, on, runJob };
}

function contractDrift(method: string): LakeCallError {
  return new LakeCallError({
    code: 'INTERNAL',
    message: `The core answered ${method} in a shape this console does not understand.`,
    hint: 'The app and its core are out of step: restart Lakedesk, or rebuild both.',
  });
}
