import { useEffect, useRef, useState } from 'react';
import type { Job } from '@shared/jobs.schema';
import { Icon } from '../components/Icon';
import { ProgressBar } from '../components/ProgressBar';
import { formatDuration, formatRelative } from '../lib/format';
import { jobSummary } from './job-summary';
import { useJobs } from './JobsContext';

const RECENT_FINISHED = 8;

/** The top bar's jobs button and its panel: running jobs with progress and cancel, then recent ones. */
export function JobsMenu() {
  const { jobs, cancel } = useJobs();
  const [isOpen, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const running = jobs.filter((j) => j.state === 'running');
  const finished = jobs.filter((j) => j.state !== 'running').slice(0, RECENT_FINISHED);
  const failedRecently = finished.some((j) => j.state === 'failed');

  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [isOpen]);

  return (
    <div className="jobs-menu" ref={rootRef}>
      <button
        type="button"
        className={running.length > 0 ? 'jobs-button busy' : 'jobs-button'}
        aria-expanded={isOpen}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
        data-testid="jobs-button"
        title="Jobs of this session"
      >
        {running.length > 0 ? (
          <span className="spinner small" aria-hidden="true" />
        ) : (
          <Icon name="jobs" size={16} />
        )}
        <span>{running.length > 0 ? `${running.length} running` : 'Jobs'}</span>
        {failedRecently && running.length === 0 && <span className="dot-danger" aria-label="A job failed" />}
      </button>
      {isOpen && (
        <div className="jobs-panel" role="dialog" aria-label="Jobs" data-testid="jobs-panel">
          <div className="jobs-section-title">Running</div>
          {running.length === 0 && <div className="jobs-none">Nothing is running.</div>}
          {running.map((job) => (
            <div className="job-row" key={job.id} data-testid="job-running">
              <div className="job-row-head">
                <span className="job-title">{job.title}</span>
                <button
                  type="button"
                  className="button small"
                  onClick={() => cancel(job.id)}
                  data-testid="job-cancel"
                >
                  Cancel
                </button>
              </div>
              <ProgressBar progress={job.progress} label={job.title} />
            </div>
          ))}
          <div className="jobs-section-title">Recent</div>
          {finished.length === 0 && <div className="jobs-none">No finished jobs yet.</div>}
          {finished.map((job) => (
            <FinishedJob key={job.id} job={job} />
          ))}
        </div>
      )}
    </div>
  );
}

function FinishedJob({ job }: { job: Job }) {
  const took = job.endedAt ? new Date(job.endedAt).getTime() - new Date(job.startedAt).getTime() : undefined;
  const icon = job.state === 'succeeded' ? 'check' : job.state === 'failed' ? 'alert' : 'stop';
  const summary = job.state === 'succeeded' ? jobSummary(job) : undefined;
  return (
    <div className={`job-row finished ${job.state}`} data-testid="job-finished" data-state={job.state}>
      <div className="job-row-head">
        <Icon name={icon} size={14} className={`job-state-icon ${job.state}`} />
        <span className="job-title">{job.title}</span>
        <span className="job-when">
          {formatRelative(job.endedAt)}
          {took !== undefined && ` · ${formatDuration(took)}`}
        </span>
      </div>
      {job.state === 'succeeded' && summary && <div className="job-summary">{summary}</div>}
      {job.state === 'failed' && job.error && (
        <div className="job-error">
          {job.error.message}
          {job.error.hint && <div className="job-hint">{job.error.hint}</div>}
        </div>
      )}
    </div>
  );
}
