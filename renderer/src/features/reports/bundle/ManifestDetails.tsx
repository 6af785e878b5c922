import type { ReactNode } from 'react';
import type { BundleQuery } from '@shared/bundle-manifest.schema';
import type { OpenedBundle } from '@shared/bundles.schema';
import { Badge, Panel } from '../../../components/Layout';
import { formatBytes, formatCount, formatDateTime, formatDuration } from '../../../lib/format';
import { kindLabel, scannedLabel, workspaceLabel } from './bundle-labels';

/** Where the report came from and how it was made: what an auditor asks before the numbers. */
export function ManifestDetails({ bundle }: { bundle: OpenedBundle }) {
  const { manifest } = bundle;
  const rows = manifest.tables.reduce((sum, t) => sum + t.rowCount, 0);
  return (
    <Panel title="About this report" testId="bundle-manifest">
      <dl className="bundle-facts">
        <Fact label="Kind">{kindLabel(manifest.kind)}</Fact>
        <Fact label="Created" testId="manifest-created">
          {formatDateTime(manifest.createdAt)}
        </Fact>
        <Fact label="Exported by" testId="manifest-app-version">
          Lakedesk {manifest.appVersion}
        </Fact>
        <Fact label="Workspace" testId="manifest-workspace">
          {workspaceLabel(manifest.workspace)}
        </Fact>
        <Fact label="Data">
          {manifest.tables.length} table{manifest.tables.length === 1 ? '' : 's'} · {formatCount(rows)} rows
        </Fact>
        <Fact label="File" testId="manifest-file">
          <span title={bundle.path}>{bundle.fileName}</span> · {formatBytes(bundle.bytes)}
        </Fact>
      </dl>
      {manifest.notes.length > 0 && (
        <ul className="bundle-notes" data-testid="manifest-notes">
          {manifest.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <h3 className="bundle-subhead">{manifest.queries.length === 1 ? 'Query' : 'Queries'} as they ran</h3>
      <div className="bundle-queries">
        {manifest.queries.map((query) => (
          <QueryDetails key={query.table} query={query} />
        ))}
      </div>
    </Panel>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="bundle-fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** One query: engine, rows, execution id and data scanned (Athena), parameters, and its SQL. */
function QueryDetails({ query }: { query: BundleQuery }) {
  const params = Object.entries(query.params);
  const scanned = scannedLabel(query.dataScannedBytes);
  return (
    <details className="bundle-query" data-testid="manifest-query" data-table={query.table}>
      <summary>
        <span className="bundle-query-title">{query.title}</span>
        <Badge tone="accent">{query.engine === 'athena' ? 'Athena' : 'DuckDB'}</Badge>
        <span className="muted">
          {formatCount(query.rowCount)} rows
          {query.elapsedMs !== undefined && ` · ${formatDuration(query.elapsedMs)}`}
          {scanned && ` · ${scanned}`}
        </span>
      </summary>
      <dl className="bundle-facts compact">
        <Fact label="Table">
          <code>{query.table}</code>
        </Fact>
        {query.savedId && (
          <Fact label="Saved query">
            <code>{query.savedId}</code>
          </Fact>
        )}
        {query.executionId && (
          <Fact label="Execution id" testId="manifest-execution-id">
            <code>{query.executionId}</code>
          </Fact>
        )}
        <Fact label="Parameters" testId="manifest-params">
          {params.length === 0
            ? 'none'
            : params.map(([name, value]) => (
                <code key={name} className="param-chip">
                  {name} = {String(value)}
                </code>
              ))}
        </Fact>
      </dl>
      <pre className="bundle-query-sql" data-testid="manifest-sql">
        {query.sql}
      </pre>
    </details>
  );
}
