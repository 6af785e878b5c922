import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Job } from '@shared/jobs.schema';
import { useLake } from '../lib/LakeProvider';
import { formatDuration } from '../lib/format';
import { toErrorShape } from '../lib/lake-error';
import { jobSummary } from './job-summary';
import { useToasts } from './ToastContext';

interface JobsApi {
  /** Newest first. */
  jobs: Job[];
  cancel: (jobId: string) => void;
}

const JobsContext = createContext<JobsApi | null>(null);

/** Every job of this run, from `jobs.list` at start-up and `jobs.changed` after; toasts when one ends. */
export function JobsProvider({ children }: { children: ReactNode }) {
  const lake = useLake();
  const { push } = useToasts();
  const [byId, setById] = useState<Map<string, Job>>(new Map());
  // Mirrors the state so the event handler can compare with the previous job outside an updater.
  const latest = useRef(byId);

  useEffect(() => {
    let isCurrent = true;
    lake.call('jobs.list', {}).then(
      (list) => {
        if (!isCurrent) return;
        // Events that arrived meanwhile are newer than the list: keep them.
        latest.current = new Map([...list.map((j) => [j.id, j] as const), ...latest.current]);
        setById(latest.current);
      },
      () => undefined,
    );
    const unsubscribe = lake.on('jobs.changed', (job) => {
      const previous = latest.current.get(job.id);
      if (job.state !== 'running' && previous?.state !== job.state) toastFor(job, push);
      latest.current = new Map(latest.current).set(job.id, job);
      setById(latest.current);
    });
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [lake, push]);

  const cancel = useCallback(
    (jobId: string) => {
      lake.call('jobs.cancel', { jobId }).catch((error: unknown) => {
        const shape = toErrorShape(error);
        push({ kind: 'error', title: 'Could not cancel the job', detail: shape.message });
      });
    },
    [lake, push],
  );

  const jobs = useMemo(
    () => [...byId.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
    [byId],
  );
  const api = useMemo(() => ({ jobs, cancel }), [jobs, cancel]);
  return <JobsContext.Provider value={api}>{children}</JobsContext.Provider>;
}

/** Work people start and then look away from: worth a toast when it ends. */
const BACKGROUND_METHODS = new Set([
  'catalog.crawl',
  'storage.importFiles',
  'clusters.runJob',
  'reports.grossProfit',
]);
/** Work whose outcome is shown where it was started (a result grid, a findings table). */
const IN_PLACE_METHODS = new Set(['queries.run', 'storage.validate']);
/** Remote work whose end its own event announces (PipelineNotices): a job toast would say it twice. */
const ANNOUNCED_METHODS = new Set(['catalog.waitForCrawl', 'clusters.waitForStep']);
const LONG_JOB_MS = 5000;

function toastFor(job: Job, push: ReturnType<typeof useToasts>['push']): void {
  // A RUN_FAILED crawl or step was announced by its end event; any other failure was not.
  if (ANNOUNCED_METHODS.has(job.method) && (job.state !== 'failed' || job.error?.code === 'RUN_FAILED'))
    return;
  const took = job.endedAt ? new Date(job.endedAt).getTime() - new Date(job.startedAt).getTime() : 0;
  if (job.state === 'succeeded') {
    if (BACKGROUND_METHODS.has(job.method) || took >= LONG_JOB_MS) {
      const summary = jobSummary(job);
      push({
        kind: 'success',
        title: job.title,
        detail: `${summary ? `${summary} · ` : ''}${formatDuration(took)}`,
      });
    }
  } else if (job.state === 'failed' && !IN_PLACE_METHODS.has(job.method)) {
    push({ kind: 'error', title: job.title, detail: job.error?.message ?? 'Failed.' });
  }
  // Cancelled jobs get no toast: the person asked for it and sees it stop.
}

export function useJobs(): JobsApi {
  const api = useContext(JobsContext);
  if (!api) throw new Error('useJobs() needs a <JobsProvider> above it.');
  return api;
}
