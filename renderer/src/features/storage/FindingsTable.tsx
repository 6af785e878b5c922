import type { Finding } from '@shared/storage.schema';
import { formatCount } from '../../lib/format';

const RULE_LABELS: Record<Finding['rule'], string> = {
  columns: 'Columns',
  ragged: 'Field count',
  required: 'Required',
  enum: 'Allowed values',
  date: 'Date',
  number: 'Number',
  min: 'Minimum',
  encoding: 'Encoding',
};

/** Validation findings as a person fixes them: by line, then column, with the offending value. */
export function FindingsTable({
  findings,
  total,
  testId,
}: {
  findings: Finding[];
  total?: number;
  testId?: string;
}) {
  const shownAll = total === undefined || total <= findings.length;
  return (
    <div className="findings" data-testid={testId ?? 'findings'}>
      <table className="data-table">
        <thead>
          <tr>
            <th className="num">Line</th>
            <th>Column</th>
            <th>Rule</th>
            <th>Value</th>
            <th>What is wrong</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f, index) => (
            <tr key={`${f.line}:${f.column}:${index}`} data-testid="finding">
              <td className="num mono">{f.line}</td>
              <td className="mono">{f.column}</td>
              <td>
                <span className="rule-tag">{RULE_LABELS[f.rule]}</span>
              </td>
              <td className="mono value-cell">
                {f.value === '' ? <span className="muted">(empty)</span> : f.value}
              </td>
              <td>{f.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!shownAll && (
        <p className="muted table-note">
          Showing the first {formatCount(findings.length)} of {formatCount(total)} findings.
        </p>
      )}
    </div>
  );
}
