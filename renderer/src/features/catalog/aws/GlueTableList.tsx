import type { TableSummary } from '@shared/glue.schema';
import { Icon } from '../../../components/Icon';
import { Badge } from '../../../components/Layout';
import { formatRelative } from '../../../lib/format';

export interface TableKey {
  database: string;
  table: string;
}

/** Glue tables as a list; a row opens the table's detail. */
export function GlueTableList({
  tables,
  selected,
  onSelect,
}: {
  tables: TableSummary[];
  selected: TableKey | undefined;
  onSelect: (key: TableKey) => void;
}) {
  const isCompact = selected !== undefined;
  return (
    <table className="data-table glue-tables" data-testid="glue-tables">
      <thead>
        <tr>
          <th>Table</th>
          <th>Format</th>
          <th className="num">Columns</th>
          <th>Partition keys</th>
          {!isCompact && <th>Location</th>}
          <th>Updated</th>
        </tr>
      </thead>
      <tbody>
        {tables.map((t) => {
          const isSelected = selected?.database === t.database && selected.table === t.name;
          return (
            <tr
              key={`${t.database}.${t.name}`}
              className={isSelected ? 'selected' : undefined}
              data-testid="glue-table-row"
              data-table={t.name}
              data-database={t.database}
            >
              <td>
                <button
                  type="button"
                  className="entry-name"
                  aria-pressed={isSelected}
                  onClick={() => onSelect({ database: t.database, table: t.name })}
                >
                  <Icon name="table" size={15} className="muted" />
                  <span>{t.name}</span>
                </button>
                <div className="cell-sub">{t.database}</div>
              </td>
              <td>
                <Badge tone={t.classification === 'parquet' ? 'accent' : 'neutral'}>
                  {t.classification.toUpperCase()}
                </Badge>
              </td>
              <td className="num">{t.columns.length}</td>
              <td className="mono">
                {t.partitionKeys.length > 0 ? (
                  t.partitionKeys.map((k) => k.name).join(', ')
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {!isCompact && <td className="mono muted value-cell wide">{t.location}</td>}
              <td className="nowrap">
                {formatRelative(t.updatedAt)}
                {t.updatedByCrawler && <div className="cell-sub">by {t.updatedByCrawler}</div>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
