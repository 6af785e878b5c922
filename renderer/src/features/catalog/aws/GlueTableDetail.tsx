import type { ReactNode } from 'react';
import type { TableDetail } from '@shared/glue.schema';
import { CopyButton } from '../../../components/CopyButton';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Fact, Facts } from '../../../components/Facts';
import { Icon } from '../../../components/Icon';
import { Badge, Loading } from '../../../components/Layout';
import { formatBytes, formatCount, formatDateTime } from '../../../lib/format';
import { useCall } from '../../../lib/useCall';
import type { TableKey } from './GlueTableList';
import { PartitionList } from './PartitionList';
import { SavedQueryLinks } from './SavedQueryLinks';
import { TablePermissionsPanel } from './TablePermissionsPanel';

/** One Glue table: where and what it is, its columns and partitions, who reads it, who may. */
export function GlueTableDetail({
  workspaceId,
  table,
  onClose,
}: {
  workspaceId: string;
  table: TableKey;
  onClose: () => void;
}) {
  const detail = useCall('catalog.getTable', { workspaceId, ...table });
  const t = detail.data;
  return (
    <section className="panel detail-panel" data-testid="glue-table-detail" data-table={table.table}>
      <div className="panel-header">
        <Icon name="table" size={16} className="muted" />
        <h2 className="panel-title">
          <span className="muted">{table.database}.</span>
          {table.table}
        </h2>
        <button type="button" className="icon-button" aria-label="Close table" onClick={onClose}>
          <Icon name="close" size={14} />
        </button>
      </div>
      <div className="panel-body detail-body">
        {detail.error && <ErrorBanner error={detail.error} onRetry={detail.reload} />}
        {!t && !detail.error && <Loading />}
        {t && (
          <>
            <TableFacts table={t} />
            <h3 className="section-title">Columns</h3>
            <ColumnTable table={t} />
            {t.partitionKeys.length > 0 && (
              <>
                <h3 className="section-title">Partitions</h3>
                <PartitionList
                  workspaceId={workspaceId}
                  table={table}
                  keys={t.partitionKeys.map((k) => k.name)}
                />
              </>
            )}
            <h3 className="section-title">Saved queries that read it</h3>
            <SavedQueryLinks queries={t.savedQueries} empty="No saved query reads this table." />
          </>
        )}
        <h3 className="section-title">Lake Formation permissions</h3>
        <TablePermissionsPanel workspaceId={workspaceId} table={table} />
      </div>
    </section>
  );
}

function TableFacts({ table: t }: { table: TableDetail }) {
  const facts: Array<[string, ReactNode]> = [
    [
      'Location',
      <span className="row tight" key="loc">
        <span className="mono" data-testid="table-location">
          {t.location}
        </span>
        <CopyButton text={t.location} />
      </span>,
    ],
    ['Classification', <Badge key="cls">{t.classification.toUpperCase()}</Badge>],
    ['Table type', t.tableType ?? '—'],
    ['Input format', t.inputFormat ? <span className="mono">{t.inputFormat}</span> : '—'],
    ['SerDe', t.serde ? <span className="mono">{t.serde}</span> : '—'],
    ['Records', t.recordCount === undefined ? '—' : formatCount(t.recordCount)],
    ['Size', t.sizeBytes === undefined ? '—' : formatBytes(t.sizeBytes)],
    ['Created', `${formatDateTime(t.createdAt)}${t.createdBy ? ` by ${t.createdBy}` : ''}`],
    [
      'Updated',
      `${formatDateTime(t.updatedAt)}${t.updatedByCrawler ? ` by crawler ${t.updatedByCrawler}` : ''}`,
    ],
  ];
  return (
    <Facts columns={1} testId="table-facts">
      {facts.map(([label, value]) => (
        <Fact key={label} label={label}>
          {value}
        </Fact>
      ))}
    </Facts>
  );
}

function ColumnTable({ table }: { table: TableDetail }) {
  const rows = [
    ...table.columns.map((c) => ({ ...c, isPartition: false })),
    ...table.partitionKeys.map((c) => ({ ...c, isPartition: true })),
  ];
  return (
    <table className="data-table compact" data-testid="table-columns">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>Column</th>
          <th>Type</th>
          <th>Comment</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c, i) => (
          <tr key={c.name} data-testid="table-column" data-column={c.name}>
            <td className="num muted">{i + 1}</td>
            <td className="mono">
              {c.name} {c.isPartition && <Badge tone="warn">partition key</Badge>}
            </td>
            <td>
              <span className="type-tag" data-testid="column-type">
                {c.type}
              </span>
            </td>
            <td className="muted">{c.comment ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
