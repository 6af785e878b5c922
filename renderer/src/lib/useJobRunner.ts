import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, JobMethod, JobResult } from '@shared/contract';
import type { LakeErrorShape } from '@shared/errors';
import type { JobProgress } from '@shared/jobs.schema';
import { useLake } from './LakeProvider';
import { isCancelled, toErrorShape } from './lake-error';

export type RunState = 'idle' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobRunner<M extends JobMethod> {
  state: RunState;
  progress: JobProgress | undefined;
  result: JobResult<M> | undefined;
  error: LakeErrorShape | undefined;
  startedAt: number | undefined;
  endedAt: number | undefined;
  /** Starts the job; resolves with its result, or undefined when it failed or was cancelled. */
  run: (input: Input<M>) => Promise<JobResult<M> | undefined>;
  cancel: () => void;
}

/** One job method, run from a view: progress, cancel, the last result or error, and timings. */
export function useJobRunner<M extends JobMethod>(method: M): JobRunner<M> {
  const lake = useLake();
  const abortRef = useRef<AbortController | null>(null);
  const [state, setState] = useState<Omit<JobRunner<M>, 'run' | 'cancel'>>({
    state: 'idle',
    progress: undefined,
    result: undefined,
    error: undefined,
    startedAt: undefined,
    endedAt: undefined,
  });

  const isMounted = useRef(true);
  // Leaving the view does not cancel the job (it stays in the jobs menu); the view just stops
  // updating itself when the job ends.
  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (input: Input<M>) => {
      // One job at a time per view: a new run supersedes (and cancels) the one still running.
      abortRef.current?.abort('superseded');
      const abort = new AbortController();
      abortRef.current = abort;
      const isCurrent = (): boolean => isMounted.current && abortRef.current === abort;
      const startedAt = Date.now();
      setState((s) => ({
        ...s,
        state: 'running',
        progress: undefined,
        error: undefined,
        startedAt,
        endedAt: undefined,
      }));
      try {
        const result = await lake.runJob(method, input, {
          signal: abort.signal,
          onProgress: (job) => {
            if (isCurrent()) setState((s) => ({ ...s, progress: job.progress }));
          },
        });
        if (isCurrent()) {
          setState({
            state: 'succeeded',
            progress: undefined,
            result,
            error: undefined,
            startedAt,
            endedAt: Date.now(),
          });
        }
        return result;
      } catch (error) {
        if (isCurrent()) {
          const cancelled = isCancelled(error);
          setState((s) => ({
            ...s,
            state: cancelled ? 'cancelled' : 'failed',
            error: cancelled ? undefined : toErrorShape(error),
            endedAt: Date.now(),
          }));
        }
        return undefined;
      }
    },
    [lake, method],
  );

  const cancel = useCallback(() => abortRef.current?.abort('user'), []);
  return { ...state, run, cancel };
}
