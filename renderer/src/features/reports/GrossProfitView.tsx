import { useEffect, useMemo, useRef, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { KpiCard } from '../../components/KpiCard';
import { Badge, Panel } from '../../components/Layout';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount, formatDateTime, formatPercent, formatUsd } from '../../lib/format';
import { useJobRunner } from '../../lib/useJobRunner';
import { ExportReportMenu } from './export/ExportReportMenu';
import type { ExportTarget } from './export/useReportExport';
import { applyFilter, NO_FILTER, type GpFilter } from './gross-profit-derive';
import { GrossProfitCharts } from './GrossProfitCharts';
import { GrossProfitTable } from './GrossProfitTable';

const GROSS_PROFIT_EXPORT = {
  kind: 'source',
  source: { kind: 'grossProfit' },
  title: 'Gross profit',
} as const satisfies ExportTarget;

/** The gross profit report: headline figures, charts that filter the table, and what was left out. */
export function GrossProfitView() {
  const job = useJobRunner('reports.grossProfit');
  const [filter, setFilter] = useState<GpFilter>(NO_FILTER);
  const report = job.result;
  const { run } = job;

  // Computed on first view: opening the report is asking for it. The ref keeps React's
  // development double-mount from starting it twice.
  const hasStarted = useRef(false);
  useEffect(() => {
    if (hasStarted.current) return;
    hasStarted.current = true;
    void run({});
  }, [run]);

  const rows = useMemo(() => (report ? applyFilter(report.rows, filter) : []), [report, filter]);
  const excluded = report?.exclusions.reduce((sum, e) => sum + e.count, 0) ?? 0;
  const isRunning = job.state === 'running';

  return (
    <div className="stack" data-testid="gross-profit">
      <div className="toolbar">
        <span className="muted">
          Revenue in USD per (company, item) less units × cost per unit.
          {report && ` Computed ${formatDateTime(report.generatedAt)}.`}
        </span>
        <span className="spacer" />
        <ExportReportMenu target={report ? GROSS_PROFIT_EXPORT : undefined} />
        {isRunning ? (
          <button type="button" className="button" onClick={job.cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void run({})} data-testid="gp-refresh">
            <Icon name="refresh" size={15} /> Recompute
          </button>
        )}
      </div>
      {isRunning && (
        <Panel>
          <ProgressBar progress={job.progress} label="Computing the report" />
        </Panel>
      )}
      {job.error && <ErrorBanner error={job.error} onRetry={() => void run({})} />}
      {job.state === 'cancelled' && !report && (
        <EmptyState
          icon="reports"
          title="Report not computed"
          action={
            <button type="button" className="button primary" onClick={() => void run({})}>
              Compute report
            </button>
          }
        />
      )}
      {report && (
        <>
          <div className="kpi-row" data-testid="gp-kpis">
            <KpiCard
              label="Revenue"
              value={formatUsd(report.totals.revenue_usd)}
              testId="kpi-revenue"
              detail={`${formatCount(report.rows.length)} company-items`}
            />
            <KpiCard label="Cost of goods sold" value={formatUsd(report.totals.cogs_usd)} testId="kpi-cogs" />
            <KpiCard
              label="Gross profit"
              value={formatUsd(report.totals.gross_profit_usd)}
              tone={report.totals.gross_profit_usd < 0 ? 'negative' : undefined}
              testId="kpi-gross-profit"
            />
            <KpiCard
              label="Gross margin"
              value={formatPercent(report.totals.gross_margin_pct)}
              tone={report.totals.gross_margin_pct < 0 ? 'negative' : undefined}
              testId="kpi-margin"
            />
          </div>
          <GrossProfitCharts report={report} filter={filter} onFilter={setFilter} />
          <Panel
            title={
              <span className="row">
                Company-items
                <Badge>{formatCount(rows.length)}</Badge>
                {filter.productLine && (
                  <FilterChip
                    label={filter.productLine}
                    onClear={() => setFilter({ ...filter, productLine: null })}
                  />
                )}
                {filter.country && (
                  <FilterChip
                    label={filter.country}
                    onClear={() => setFilter({ ...filter, country: null })}
                  />
                )}
              </span>
            }
            className="flush"
            testId="gp-table-panel"
          >
            <GrossProfitTable rows={rows} />
          </Panel>
          <Panel
            title={`Left out of the report: ${formatCount(excluded)} bill${excluded === 1 ? '' : 's'}`}
            testId="gp-exclusions"
          >
            {report.exclusions.length === 0 ? (
              <p className="muted">Every bill could be priced.</p>
            ) : (
              <ul className="exclusions">
                {report.exclusions.map((e) => (
                  <li key={e.reason} data-testid="exclusion">
                    <span className={e.count > 0 ? 'exclusion-count' : 'exclusion-count none'}>
                      {formatCount(e.count)}
                    </span>
                    <span>{e.reason}</span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </>
      )}
    </div>
  );
}

function FilterChip({ label, onClear }: { label: string; onClear: () => void }) {
  return (
    <span className="filter-chip" data-testid="gp-filter">
      {label}
      <button type="button" aria-label={`Clear filter ${label}`} onClick={onClear}>
        ×
      </button>
    </span>
  );
}
