import { useState, type ReactNode } from 'react';
import type { LakeJobName } from '@shared/clusters.schema';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { Badge, Panel } from '../../components/Layout';
import { ProgressBar } from '../../components/ProgressBar';
import { formatDuration } from '../../lib/format';
import { useJobRunner } from '../../lib/useJobRunner';
import { RunCounts } from './RunCounts';

const DEFAULT_DAYS = 30;

/** One lake job (an EMR step's local twin): run it, watch it, cancel it, read what it counted. */
export function LakeJobCard({
  name,
  title,
  description,
  hasAgeWindow,
  onFinished,
}: {
  name: LakeJobName;
  title: string;
  description: ReactNode;
  hasAgeWindow?: boolean;
  onFinished: () => void;
}) {
  const job = useJobRunner('clusters.runJob');
  const [days, setDays] = useState(String(DEFAULT_DAYS));
  const daysValue = Number(days);
  const isDaysValid = !hasAgeWindow || (days.trim() !== '' && Number.isInteger(daysValue) && daysValue >= 0);
  const isRunning = job.state === 'running';

  const run = async () => {
    await job.run(hasAgeWindow ? { name, olderThanDays: daysValue } : { name });
    onFinished();
  };

  return (
    <Panel
      className="cluster-job"
      testId={`lake-job-${name}`}
      title={
        <span className="row">
          {title} <code>{name}</code>
        </span>
      }
      actions={
        isRunning ? (
          <button type="button" className="button" onClick={job.cancel} data-testid="lake-job-cancel">
            <Icon name="stop" size={14} /> Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            onClick={() => void run()}
            disabled={!isDaysValid}
            data-testid="lake-job-run"
          >
            <Icon name="play" size={14} /> Run
          </button>
        )
      }
    >
      <p className="cluster-job-desc">{description}</p>
      {hasAgeWindow && (
        <div className="toolbar">
          <label className="field-label inline" htmlFor={`days-${name}`}>
            Drop Pending and Cancelled orders older than
          </label>
          <input
            id={`days-${name}`}
            className="input number-input"
            type="number"
            min={0}
            step={1}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            disabled={isRunning}
            aria-invalid={!isDaysValid}
            data-testid="older-than-days"
          />
          <span className="muted">days</span>
        </div>
      )}
      {isRunning && <ProgressBar progress={job.progress} label={title} />}
      {job.error && <ErrorBanner error={job.error} compact />}
      {job.state === 'cancelled' && <p className="muted">Cancelled. Nothing was written.</p>}
      {job.state === 'succeeded' && job.result && (
        <div className="stack" data-testid="lake-job-result">
          <div className="row">
            <Badge tone="ok">Succeeded</Badge>
            <span className="muted">
              in{' '}
              {formatDuration(
                new Date(job.result.endedAt).getTime() - new Date(job.result.startedAt).getTime(),
              )}
            </span>
          </div>
          <RunCounts run={job.result} />
          {job.result.outputs.length > 0 && (
            <ul className="outputs">
              {job.result.outputs.map((o) => (
                <li key={o} className="mono">
                  {o}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Panel>
  );
}
