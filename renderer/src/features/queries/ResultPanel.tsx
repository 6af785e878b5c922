import { useState } from 'react';
import type { QueryResult } from '@shared/queries.schema';
import type { ChartSpec } from '@shared/results.schema';
import { toTsv } from '../../components/grid/columns';
import { PagedGrid } from '../../components/grid/PagedGrid';
import { RowSetGrid } from '../../components/grid/RowSetGrid';
import { Tabs } from '../../components/Tabs';
import { useToasts } from '../../app/ToastContext';
import { downloadText, fileSlug } from '../../lib/download';
import { formatCount } from '../../lib/format';
import { useLake } from '../../lib/LakeProvider';
import { toErrorShape } from '../../lib/lake-error';
import { ExportReportMenu } from '../reports/export/ExportReportMenu';
import type { ExportTarget } from '../reports/export/useReportExport';
import { defaultSpec, ResultChart } from './ResultChart';

type ResultTab = 'grid' | 'chart';

/** A finished query: the rows in a grid (paged from the engine when large) or as a chart. */
export function ResultPanel({
  result,
  chart,
  title,
}: {
  result: QueryResult;
  chart: ChartSpec | undefined;
  /** Names the exported file. */
  title: string;
}) {
  const [tab, setTab] = useState<ResultTab>(chart ? 'chart' : 'grid');
  const [isExporting, setExporting] = useState(false);
  const { push } = useToasts();
  const lake = useLake();
  const isComplete = result.firstRows.length >= result.rowCount;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toTsv(result.columns, result.firstRows));
      push({
        kind: 'info',
        title: `Copied ${formatCount(result.firstRows.length)} rows`,
        detail: 'Paste into a spreadsheet.',
      });
    } catch {
      push({
        kind: 'error',
        title: 'Could not copy',
        detail: 'The clipboard refused; select cells in the grid instead.',
      });
    }
  };

  // The engine writes the CSV from its own copy: every row, decimals with their exact scale.
  const exportCsv = async () => {
    setExporting(true);
    try {
      const { text } = await lake.call('queries.exportResult', { resultId: result.resultId, format: 'csv' });
      downloadText(`${fileSlug(title)}.csv`, text, 'text/csv;charset=utf-8');
    } catch (e) {
      const shape = toErrorShape(e);
      push({
        kind: 'error',
        title: 'Could not export the result',
        detail: shape.hint ? `${shape.message} ${shape.hint}` : shape.message,
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div
      className="result-panel"
      data-testid="result-panel"
      data-result-id={result.resultId}
      data-row-count={result.rowCount}
    >
      <div className="result-head">
        <Tabs<ResultTab>
          label="Result views"
          value={tab}
          onChange={setTab}
          items={[
            { key: 'grid', label: 'Rows', badge: formatCount(result.rowCount) },
            { key: 'chart', label: 'Chart' },
          ]}
        />
        <span className="spacer" />
        {!isComplete && tab === 'grid' && (
          <span className="muted result-note" data-testid="paged-note">
            Paged from the engine: sorting runs there; filter in SQL.
          </span>
        )}
        <button
          type="button"
          className="button small"
          onClick={() => void exportCsv()}
          disabled={isExporting}
          data-testid="export-csv"
        >
          {isExporting ? 'Exporting…' : 'Export CSV'}
        </button>
        <ExportReportMenu small target={exportTarget(result, chart, title)} />
        {tab === 'grid' && (
          <button
            type="button"
            className="button small"
            onClick={() => void copy()}
            title={
              isComplete
                ? 'Copy every row as tab-separated text'
                : `Copy the first ${result.firstRows.length} rows as tab-separated text`
            }
          >
            Copy {isComplete ? 'rows' : `first ${formatCount(result.firstRows.length)}`}
          </button>
        )}
      </div>
      <div className="result-body" hidden={tab !== 'grid'}>
        {isComplete ? (
          <RowSetGrid columns={result.columns} rows={result.firstRows} testId="result-grid" />
        ) : (
          <PagedGrid
            resultId={result.resultId}
            columns={result.columns}
            rowCount={result.rowCount}
            firstRows={result.firstRows}
            testId="result-grid"
          />
        )}
      </div>
      {tab === 'chart' && (
        <div className="result-body scroll">
          <ResultChart result={result} savedSpec={chart} />
        </div>
      )}
    </div>
  );
}

/** The result as a report to export: its SQL and parameters as they ran, and the chart it shows first. */
function exportTarget(result: QueryResult, chart: ChartSpec | undefined, title: string): ExportTarget {
  const name = title === 'query' ? 'Query result' : title;
  return {
    kind: 'source',
    title: name,
    source: {
      kind: 'result',
      resultId: result.resultId,
      sql: result.sql,
      params: result.params,
      savedId: result.savedId,
      title: name,
      chart: chart ?? defaultSpec(result),
    },
  };
}
