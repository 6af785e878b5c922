import { useMemo, useState } from 'react';
import type { SQLNamespace } from '@codemirror/lang-sql';
import type { OpenedTable } from '@shared/bundles.schema';
import type { LakeErrorShape } from '@shared/errors';
import { shortcutLabel } from '../../../app/nav-items';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { Panel } from '../../../components/Layout';
import { formatCount, formatDuration } from '../../../lib/format';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { SqlEditor } from '../../queries/SqlEditor';
import { BundleGrid } from './BundleGrid';

interface SqlResult {
  resultId: string;
  columns: { name: string; type: string }[];
  rowCount: number;
  elapsedMs: number;
}

/**
 * The report's own SQL box: DuckDB over the bundled tables only, in the bundle's sandbox (no files,
 * no network), so it works offline and can never reach the lake the report came from.
 */
export function BundleSql({ bundleId, tables }: { bundleId: string; tables: OpenedTable[] }) {
  const lake = useLake();
  const loaded = useMemo(() => tables.filter((t) => t.loaded), [tables]);
  const [sql, setSql] = useState(() => `SELECT *\nFROM ${loaded[0]?.name ?? 'table_name'}\nLIMIT 100`);
  const [isRunning, setRunning] = useState(false);
  const [result, setResult] = useState<SqlResult>();
  const [error, setError] = useState<LakeErrorShape>();
  const schema = useMemo<SQLNamespace>(
    () => Object.fromEntries(loaded.map((t) => [t.name, t.columns.map((c) => c.name)])),
    [loaded],
  );

  const run = async () => {
    if (isRunning || !sql.trim()) return;
    setRunning(true);
    setError(undefined);
    try {
      setResult(await lake.call('reports.queryBundle', { bundleId, sql }));
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Panel
      title="Query the report"
      testId="bundle-sql"
      actions={
        <>
          {result && !isRunning && (
            <span className="muted bundle-sql-status" data-testid="bundle-sql-status">
              {formatCount(result.rowCount)} row{result.rowCount === 1 ? '' : 's'} ·{' '}
              {formatDuration(result.elapsedMs)}
            </span>
          )}
          <button
            type="button"
            className="button primary small"
            onClick={() => void run()}
            disabled={isRunning || !sql.trim()}
            title={`Run (${shortcutLabel('Enter')})`}
            data-testid="bundle-sql-run"
          >
            <Icon name="play" size={13} /> {isRunning ? 'Running…' : 'Run'}{' '}
            <kbd className="kbd-light">{shortcutLabel('↵')}</kbd>
          </button>
        </>
      }
    >
      <p className="muted bundle-sql-hint">
        DuckDB SQL over this file&apos;s tables (
        {loaded.map((t) => t.name).join(', ') || 'none could be read'}), on this machine: nothing is sent
        anywhere and the lake is not touched.
      </p>
      <div className="editor-frame bundle-sql-editor">
        <SqlEditor value={sql} onChange={setSql} onRun={() => void run()} schema={schema} />
      </div>
      {error && <ErrorBanner error={error} compact onDismiss={() => setError(undefined)} />}
      {result && (
        <div className="bundle-sql-result" data-testid="bundle-sql-result" data-result-id={result.resultId}>
          <BundleGrid
            key={result.resultId}
            bundleId={bundleId}
            target={{ resultId: result.resultId }}
            columns={result.columns}
            rowCount={result.rowCount}
            height={Math.min(360, 36 + Math.max(3, result.rowCount) * 30 + 16)}
            testId="bundle-sql-grid"
          />
        </div>
      )}
    </Panel>
  );
}
