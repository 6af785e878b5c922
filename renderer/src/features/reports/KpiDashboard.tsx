import { useMemo, useState } from 'react';
import type { ParamValues, SavedQuery } from '@shared/queries.schema';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Layout';
import { useCall } from '../../lib/useCall';
import { ExportReportMenu } from './export/ExportReportMenu';
import { KpiTile } from './KpiTile';

/** The KPI saved queries, in the order DOMAIN.md lists them; any other charted query follows. */
const KPI_ORDER = [
  'total-sales-by-customer',
  'monthly-order-volume',
  'order-status',
  'average-order-value',
  'top-orders-in-month',
];
const NOT_KPI = new Set(['gross-profit']);

function kpiQueries(saved: SavedQuery[]): SavedQuery[] {
  const rank = (q: SavedQuery) => {
    const index = KPI_ORDER.indexOf(q.id);
    return index < 0 ? KPI_ORDER.length : index;
  };
  return saved.filter((q) => q.chart && !NOT_KPI.has(q.id)).sort((a, b) => rank(a) - rank(b));
}

/** The KPI dashboard: every KPI query as a chart, one shared month, one refresh. */
export function KpiDashboard() {
  const saved = useCall('queries.listSaved', {});
  const queries = useMemo(() => kpiQueries(saved.data ?? []), [saved.data]);
  const monthParam = queries.flatMap((q) => q.parameters).find((p) => p.type === 'month');
  const [month, setMonth] = useState<string>();
  const [refresh, setRefresh] = useState(0);
  const chosenMonth = month ?? monthParam?.default ?? '';

  const paramsFor = (q: SavedQuery): ParamValues =>
    Object.fromEntries(
      q.parameters.map((p) => [p.name, p.type === 'month' ? chosenMonth : (p.default ?? '')]),
    );

  if (saved.error) return <ErrorBanner error={saved.error} onRetry={saved.reload} />;
  if (!saved.data) return <Loading />;
  if (queries.length === 0) {
    return (
      <EmptyState icon="chart" title="No KPI queries">
        The app's saved queries with charts appear here.
      </EmptyState>
    );
  }

  return (
    <div className="stack" data-testid="kpi-dashboard">
      <div className="toolbar">
        <span className="muted">Order KPIs over the processed orders table.</span>
        <span className="spacer" />
        {monthParam && (
          <>
            <label className="field-label inline" htmlFor="kpi-month">
              {monthParam.label}
            </label>
            <input
              id="kpi-month"
              className="input"
              type="month"
              value={chosenMonth}
              onChange={(e) => e.target.value && setMonth(e.target.value)}
              data-testid="kpi-month"
            />
          </>
        )}
        <button
          type="button"
          className="button"
          onClick={() => setRefresh((r) => r + 1)}
          data-testid="kpi-refresh"
        >
          <Icon name="refresh" size={15} /> Refresh
        </button>
        <ExportReportMenu
          target={{
            kind: 'source',
            source: { kind: 'kpis', month: chosenMonth || undefined },
            title: 'KPI dashboard',
          }}
        />
      </div>
      <div className="kpi-grid">
        {queries.map((q) => (
          <KpiTile key={q.id} query={q} params={paramsFor(q)} refresh={refresh} />
        ))}
      </div>
    </div>
  );
}
