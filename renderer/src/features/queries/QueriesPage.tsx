import { useEffect, useMemo, useState } from 'react';
import type { SQLNamespace } from '@codemirror/lang-sql';
import type { PageProps } from '../../app/Shell';
import { routeHref } from '../../app/route';
import { shortcutLabel } from '../../app/nav-items';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount, formatDuration } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { useCatalog } from '../catalog/useCatalog';
import { ParamForm } from './ParamForm';
import { initialDraft, toParamValues, type ParamDraft } from './param-values';
import { ResultPanel } from './ResultPanel';
import { SavedList } from './SavedList';
import { SqlEditor } from './SqlEditor';
import { useQueryRun } from './useQueryRun';

/** Saved queries and the SQL editor: parameters, run/cancel, and the result as rows or a chart. */
export function QueriesPage({ route, navigate }: PageProps) {
  const saved = useCall('queries.listSaved', {});
  const catalog = useCatalog();
  const run = useQueryRun();
  const selectedId = route.params.get('saved') ?? undefined;
  const routeSql = route.params.get('sql');
  const selected = saved.data?.find((q) => q.id === selectedId);
  const [sql, setSql] = useState('');
  const [draft, setDraft] = useState<ParamDraft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (selected) {
      setSql(selected.sql);
      setDraft(initialDraft(selected.parameters));
      setErrors({});
    }
  }, [selected]);

  useEffect(() => {
    if (routeSql !== null) setSql(routeSql);
  }, [routeSql]);

  const schema = useMemo<SQLNamespace>(
    () => Object.fromEntries((catalog.data?.tables ?? []).map((t) => [t.name, t.columns.map((c) => c.name)])),
    [catalog.data],
  );

  const start = () => {
    if (run.state === 'running' || !sql.trim()) return;
    const parameters = selected?.parameters ?? [];
    const checked = toParamValues(parameters, draft);
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) return;
    const isSavedText = selected !== undefined && sql === selected.sql;
    void run.run(
      isSavedText ? { savedId: selected.id, params: checked.values } : { sql, params: checked.values },
    );
  };

  const isRunning = run.state === 'running';
  const result = run.state === 'succeeded' ? run.result : undefined;

  return (
    <div className="page fill queries-page" data-testid="page-queries">
      <div className="queries-layout">
        <SavedList
          saved={saved}
          selectedId={selectedId}
          onSelect={(id) => navigate(routeHref('queries', '', { saved: id }))}
          onNew={() => {
            setSql('');
            navigate(routeHref('queries'));
          }}
        />
        <section className="query-workspace">
          <div className="query-toolbar">
            <div className="query-title">
              <h1 data-testid="query-title">{selected?.name ?? 'Untitled query'}</h1>
              {selected && <p className="muted">{selected.description}</p>}
            </div>
            <div className="query-status" data-testid="query-status" aria-live="polite">
              {run.elapsedMs !== undefined && (
                <span data-testid="query-elapsed">{formatDuration(run.elapsedMs)}</span>
              )}
              {result && (
                <span data-testid="query-rowcount">
                  {formatCount(result.rowCount)} row{result.rowCount === 1 ? '' : 's'}
                </span>
              )}
            </div>
            {isRunning ? (
              <button type="button" className="button danger" onClick={run.cancel} data-testid="query-cancel">
                <Icon name="stop" size={14} /> Cancel
              </button>
            ) : (
              <button
                type="button"
                className="button primary"
                onClick={start}
                disabled={!sql.trim()}
                title={`Run (${shortcutLabel('Enter')})`}
                data-testid="query-run"
              >
                <Icon name="play" size={14} /> Run <kbd className="kbd-light">{shortcutLabel('↵')}</kbd>
              </button>
            )}
          </div>
          <ParamForm
            parameters={selected?.parameters ?? []}
            draft={draft}
            errors={errors}
            onChange={setDraft}
            onSubmit={start}
            disabled={isRunning}
          />
          <div className="editor-frame">
            <SqlEditor value={sql} onChange={setSql} onRun={start} schema={schema} />
          </div>
          {isRunning && <ProgressBar progress={run.progress} label="Running query" />}
          {run.error && <ErrorBanner error={run.error} />}
          {run.state === 'cancelled' && <p className="muted">Query cancelled.</p>}
          {result ? (
            <ResultPanel
              key={result.resultId}
              result={result}
              chart={selected && result.savedId === selected.id ? selected.chart : undefined}
              title={selected?.name ?? 'query'}
            />
          ) : (
            !isRunning &&
            !run.error && (
              <div className="result-placeholder muted">
                Pick a saved query or write SQL, then run it with {shortcutLabel('Enter')}. Tables:{' '}
                {catalog.data?.tables.length
                  ? catalog.data.tables.map((t) => t.name).join(', ')
                  : 'none yet — crawl the lake in Catalog'}
                .
              </div>
            )
          )}
        </section>
      </div>
    </div>
  );
}
