import { z } from 'zod';

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

export const clustersContract = {
  /** Runs a lake job (gross-profit report into curated/, orders into processed/). */
  'clusters.runJob': {
    input: z.object({ name: LakeJobName, olderThanDays: z.number().int().min(0).optional() }),
    output: z.object({ jobId: z.string() }),
    job: LakeJobRun,
  },
  /** Past runs of the lake jobs, newest first (kept in the lake's `.lakedesk/`). */
  'clusters.jobHistory': { input: z.object({}), output: z.array(LakeJobRun) },
} as const;
