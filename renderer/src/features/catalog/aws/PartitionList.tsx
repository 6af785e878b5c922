import { useState } from 'react';
import type { PartitionPage } from '@shared/glue.schema';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDateTime } from '../../../lib/format';
import { useCall } from '../../../lib/useCall';
import type { TableKey } from './GlueTableList';

const PAGE = 50;

/** A partitioned table's partitions, a page at a time: values per key and where each lives. */
export function PartitionList({
  workspaceId,
  table,
  keys,
}: {
  workspaceId: string;
  table: TableKey;
  keys: string[];
}) {
  const [token, setToken] = useState<string | undefined>(undefined);
  const [earlier, setEarlier] = useState<PartitionPage['partitions']>([]);
  const page = useCall('catalog.listPartitions', {
    workspaceId,
    ...table,
    maxResults: PAGE,
    ...(token ? { nextToken: token } : {}),
  });
  const partitions = [...earlier, ...(page.data?.partitions ?? [])];
  const next = page.data?.nextToken;
  return (
    <div data-testid="table-partitions">
      {page.error && <ErrorBanner error={page.error} compact onRetry={page.reload} />}
      {page.data && partitions.length === 0 && <p className="muted">No partitions yet.</p>}
      {partitions.length > 0 && (
        <table className="data-table compact">
          <thead>
            <tr>
              {keys.map((k) => (
                <th key={k} className="mono">
                  {k}
                </th>
              ))}
              <th>Location</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {partitions.map((p) => (
              <tr key={p.location} data-testid="partition-row">
                {keys.map((k, i) => (
                  <td key={k} className="mono">
                    {p.values[i] ?? ''}
                  </td>
                ))}
                <td className="mono muted value-cell">{p.location}</td>
                <td className="nowrap muted">{formatDateTime(p.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button
          type="button"
          className="button small load-more-inline"
          disabled={page.isLoading}
          onClick={() => {
            setEarlier(partitions);
            setToken(next);
          }}
        >
          More partitions
        </button>
      )}
    </div>
  );
}
