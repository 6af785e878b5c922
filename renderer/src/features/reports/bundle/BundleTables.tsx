import { useState } from 'react';
import type { OpenedTable } from '@shared/bundles.schema';
import { Panel } from '../../../components/Layout';
import { Tabs } from '../../../components/Tabs';
import { formatCount } from '../../../lib/format';
import { BundleGrid } from './BundleGrid';

/** The report's tables, one tab each, every one sortable and filterable over all its rows. */
export function BundleTables({ bundleId, tables }: { bundleId: string; tables: OpenedTable[] }) {
  const [name, setName] = useState(tables[0]?.name ?? '');
  const table = tables.find((t) => t.name === name);
  if (tables.length === 0) return null;
  return (
    <Panel title="Tables" className="flush bundle-tables" testId="bundle-tables">
      <div className="bundle-tables-tabs">
        <Tabs<string>
          label="Tables of the report"
          value={name}
          onChange={setName}
          items={tables.map((t) => ({ key: t.name, label: t.title, badge: formatCount(t.rowCount) }))}
          testId="bundle-table-tabs"
        />
      </div>
      {table && (
        <div className="bundle-table" data-table={table.name}>
          <p className="muted bundle-table-note">
            <code>{table.name}</code> in the SQL box below · {table.columns.length} columns
          </p>
          {table.loaded ? (
            <BundleGrid
              key={table.name}
              bundleId={bundleId}
              target={{ table: table.name }}
              columns={table.columns}
              rowCount={table.rowCount}
              testId="bundle-table"
            />
          ) : (
            <p className="bundle-table-unreadable" data-testid="bundle-table-unreadable">
              This table&apos;s data could not be read from the file (see the warning above).
            </p>
          )}
        </div>
      )}
    </Panel>
  );
}
