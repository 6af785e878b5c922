import type { Step } from '@shared/emr.schema';
import { formatDateTime } from '../../../lib/format';
import { formatSpan } from '../../../lib/format-time';
import { StateBadge } from './StateBadge';

/** A cluster's steps, newest first: state and times; a row opens the step. */
export function StepList({
  steps,
  selected,
  onSelect,
}: {
  steps: Step[];
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  return (
    <table className="data-table step-table" data-testid="step-list">
      <thead>
        <tr>
          <th>Step</th>
          <th>State</th>
          <th>Started</th>
          <th>Ended</th>
          <th className="num">Took</th>
          <th>On failure</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr
            key={s.id}
            className={s.id === selected ? 'selected' : undefined}
            data-testid="step-row"
            data-step={s.id}
            data-state={s.state}
          >
            <td>
              <button
                type="button"
                className="entry-name"
                aria-pressed={s.id === selected}
                onClick={() => onSelect(s.id)}
              >
                <span>{s.name}</span>
              </button>
              <div className="cell-sub mono">{s.id}</div>
            </td>
            <td>
              <StateBadge kind="step" state={s.state} />
            </td>
            <td className="nowrap">{formatDateTime(s.startedAt)}</td>
            <td className="nowrap">{formatDateTime(s.endedAt)}</td>
            <td className="num nowrap">{formatSpan(s.startedAt, s.endedAt)}</td>
            <td className="muted mono">{s.actionOnFailure ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
