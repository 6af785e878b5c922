import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Layout';
import { formatCount } from '../../lib/format';
import { useCall } from '../../lib/useCall';

/** Per-column profile of a file (DataBrew-style): type, nulls, distinct values, min and max. */
export function ProfileTab({ path }: { path: string }) {
  const profile = useCall('storage.profile', { path });
  if (profile.error) return <ErrorBanner error={profile.error} onRetry={profile.reload} />;
  if (!profile.data) return <Loading label="Profiling the whole file…" />;
  const { rows, columns } = profile.data;

  return (
    <div className="profile" data-testid="profile">
      <p className="muted">
        {formatCount(rows)} rows · {columns.length} columns
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th>Column</th>
            <th>Type</th>
            <th className="num">Nulls</th>
            <th className="bar-col" aria-label="Share of nulls" />
            <th className="num">Distinct</th>
            <th>Min</th>
            <th>Max</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => {
            const nullShare = rows > 0 ? column.nulls / rows : 0;
            return (
              <tr key={column.name} data-testid="profile-row">
                <td className="mono strong">{column.name}</td>
                <td>
                  <span className="type-tag">{column.type}</span>
                </td>
                <td className="num">{formatCount(column.nulls)}</td>
                <td className="bar-col">
                  <div className="mini-bar" title={`${(nullShare * 100).toFixed(1)} % null`}>
                    <div className="mini-bar-fill" style={{ width: `${nullShare * 100}%` }} />
                  </div>
                </td>
                <td className="num">{formatCount(column.distinct)}</td>
                <td className="mono value-cell">{column.min ?? <span className="muted">—</span>}</td>
                <td className="mono value-cell">{column.max ?? <span className="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
