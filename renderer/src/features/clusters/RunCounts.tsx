import type { LakeJobRun } from '@shared/clusters.schema';
import { formatCount } from '../../lib/format';

/** `bad_date` → "Bad date". */
export function countLabel(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a lake job counted (rows kept, filtered, written…) as a row of figures. */
export function RunCounts({ run }: { run: LakeJobRun }) {
  const entries = Object.entries(run.counts);
  if (entries.length === 0) return null;
  return (
    <div className="counts" data-testid="run-counts">
      {entries.map(([key, value]) => (
        <div key={key} className="count-chip" data-count={key}>
          <span className="count-chip-value">{formatCount(value)}</span>
          <span className="count-chip-label">{countLabel(key)}</span>
        </div>
      ))}
    </div>
  );
}
