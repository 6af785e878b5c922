import { Fragment, useState } from 'react';
import type { CatalogTable } from '@shared/catalog.schema';
import { routeHref } from '../../app/route';
import { Icon } from '../../components/Icon';
import { Badge } from '../../components/Layout';
import { formatBytes, formatCount, formatRelative } from '../../lib/format';

/** The catalog's tables; a row opens to show its columns and types. */
export function TableList({ tables }: { tables: CatalogTable[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (name: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  return (
    <table className="data-table catalog-table" data-testid="catalog-table">
      <thead>
        <tr>
          <th>Table</th>
          <th>Location</th>
          <th>Format</th>
          <th className="num">Columns</th>
          <th>Partition keys</th>
          <th className="num">Files</th>
          <th className="num">Size</th>
          <th>Updated</th>
          <th aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {tables.map((table) => {
          const isOpen = open.has(table.name);
          return (
            <Fragment key={table.name}>
              <tr className={isOpen ? 'open' : undefined} data-testid="catalog-row" data-table={table.name}>
                <td>
                  <button
                    type="button"
                    className="table-toggle"
                    aria-expanded={isOpen}
                    onClick={() => toggle(table.name)}
                  >
                    <Icon name="chevron" size={13} className="toggle-chevron" />
                    <Icon name="table" size={15} className="muted" />
                    <span className="strong">{table.name}</span>
                  </button>
                </td>
                <td className="mono muted">{table.location}</td>
                <td>
                  <Badge tone={table.format === 'parquet' ? 'accent' : 'neutral'}>
                    {table.format.toUpperCase()}
                  </Badge>
                </td>
                <td className="num">{table.columns.length}</td>
                <td className="mono">
                  {table.partitionKeys.length > 0 ? (
                    table.partitionKeys.join(', ')
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="num">{formatCount(table.files)}</td>
                <td className="num">{formatBytes(table.sizeBytes)}</td>
                <td className="muted">{formatRelative(table.updatedAt)}</td>
                <td className="num">
                  <a
                    className="button small subtle"
                    href={routeHref('queries', '', { sql: `SELECT *\nFROM ${table.name}\nLIMIT 100` })}
                    title={`Open a query on ${table.name}`}
                  >
                    Query
                  </a>
                </td>
              </tr>
              {isOpen && (
                <tr className="catalog-detail" data-testid="catalog-detail">
                  <td colSpan={9}>
                    <div className="column-chips">
                      {table.columns.map((c) => (
                        <span key={c.name} className="column-chip">
                          <span className="mono">{c.name}</span>
                          <span className="type-tag">{c.type}</span>
                          {table.partitionKeys.includes(c.name) && <Badge tone="warn">partition</Badge>}
                        </span>
                      ))}
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
