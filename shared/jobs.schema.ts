import { z } from 'zod';
import { LakeErrorShape } from './errors';

export const JobState = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

export const JobProgress = z.object({
  /** Units done so far (rows, bytes, files — see `unit`). */
  done: z.number(),
  /** Total units when known; absent while the total is unknown (indeterminate bar). */
  total: z.number().optional(),
  unit: z.string().optional(),
  message: z.string().optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** A long piece of work: an upload, a crawl, a query, a report. */
export const Job = z.object({
  id: z.string(),
  /** The contract method that started it, e.g. `catalog.crawl`. */
  method: z.string(),
  title: z.string(),
  state: JobState,
  progress: JobProgress,
  startedAt: z.string(),
  endedAt: z.string().optional(),
  error: LakeErrorShape.optional(),
  /** The method's job result (see `jobResults` in the contract) once succeeded. */
  result: z.unknown().optional(),
});
export type Job = z.infer<typeof Job>;

export const JobRef = z.object({ jobId: z.string() });
export type JobRef = z.infer<typeof JobRef>;

export const jobsContract = {
  /** Every job of this run of the app, newest first. */
  'jobs.list': { input: z.object({}), output: z.array(Job) },
  /** One job, with its result once it has one. */
  'jobs.get': { input: z.object({ jobId: z.string() }), output: Job },
  /** Ask a running job to stop; resolves once it has been asked (the state event says when it stopped). */
  'jobs.cancel': { input: z.object({ jobId: z.string() }), output: z.object({ cancelled: z.boolean() }) },
} as const;
