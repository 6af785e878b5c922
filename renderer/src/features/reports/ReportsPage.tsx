import { useEffect, useState } from 'react';
import type { PageProps } from '../../app/Shell';
import { routeHref } from '../../app/route';
import { PageHeader } from '../../components/Layout';
import { Tabs } from '../../components/Tabs';
import { GrossProfitView } from './GrossProfitView';
import { KpiDashboard } from './KpiDashboard';

type ReportTab = 'gross-profit' | 'kpi';

/** Reports: the gross profit report and the KPI dashboard, each computed locally from the lake. */
export function ReportsPage({ route, navigate }: PageProps) {
  const tab: ReportTab = route.sub === 'kpi' ? 'kpi' : 'gross-profit';
  const [seen, setSeen] = useState<ReadonlySet<ReportTab>>(() => new Set([tab]));
  useEffect(() => setSeen((s) => (s.has(tab) ? s : new Set([...s, tab]))), [tab]);
  return (
    <div className="page" data-testid="page-reports">
      <PageHeader title="Reports" subtitle="Figures computed from the lake's current data, in USD." />
      <Tabs<ReportTab>
        label="Reports"
        value={tab}
        onChange={(key) => navigate(routeHref('reports', key))}
        items={[
          { key: 'gross-profit', label: 'Gross profit' },
          { key: 'kpi', label: 'KPI dashboard' },
        ]}
        testId="report-tabs"
      />
      {/* Each stays mounted once opened, so switching tabs does not recompute. */}
      {seen.has('gross-profit') && (
        <div hidden={tab !== 'gross-profit'}>
          <GrossProfitView />
        </div>
      )}
      {seen.has('kpi') && (
        <div hidden={tab !== 'kpi'}>
          <KpiDashboard />
        </div>
      )}
    </div>
  );
}
