/** What a lake job reports when it has written its outputs. */
export interface JobOutcome {
  /** Lake paths written. */
  outputs: string[];
  counts: Record<string, number>;
}

/** Reports a job's progress: step `done` of `total`, and what it is doing. */
export type JobStep = (done: number, total: number, message: string) => void;
