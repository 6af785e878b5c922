import type { JobProgress } from '@shared/jobs.schema';
import { formatProgress } from '../lib/format';

/** A job's progress: determinate when the total is known, a moving stripe while it is not. */
export function ProgressBar({ progress, label }: { progress: JobProgress | undefined; label?: string }) {
  const total = progress?.total;
  const fraction = total && total > 0 ? Math.min(1, (progress?.done ?? 0) / total) : undefined;
  return (
    <div className="progress" data-testid="progress">
      <div
        className={fraction === undefined ? 'progress-track indeterminate' : 'progress-track'}
        role="progressbar"
        aria-label={label ?? 'Progress'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === undefined ? undefined : Math.round(fraction * 100)}
      >
        <div
          className="progress-fill"
          style={fraction === undefined ? undefined : { width: `${fraction * 100}%` }}
        />
      </div>
      <div className="progress-text">{progress ? formatProgress(progress) : 'Starting…'}</div>
    </div>
  );
}
