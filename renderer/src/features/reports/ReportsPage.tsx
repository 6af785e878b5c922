import { useEffect, useState } from 'react';
import type { PageProps } from '../../app/Shell';
import { routeHref } from '../../app/route';
import { PageHeader } from '../../components/Layout';
import { Tabs } from '../../components/Tabs';
import { BundleView } from './bundle/BundleView';
import { OpenReportButton } from './bundle/OpenReportButton';
import { ReportFiles } from './bundle/ReportFiles';
import { FILES_SUB, OPEN_SUB, openReportHref, reportFilesHref } from './bundle/report-routes';
import { GrossProfitView } from './GrossProfitView';
import { KpiDashboard } from './KpiDashboard';

type ReportTab = 'gross-profit' | 'kpi' | typeof FILES_SUB | typeof OPEN_SUB;

function tabOf(sub: string): ReportTab {
  if (sub === 'kpi' || sub === FILES_SUB || sub === OPEN_SUB) return sub;
  return 'gross-profit';
}

/** The opened file's name as its tab reads, long browser-mode import names shortened in the middle. */
function tabLabel(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.length <= 40 ? name : `${name.slice(0, 24)}…${name.slice(-14)}`;
}

/**
 * Reports: the gross profit report and the KPI dashboard, computed locally from the lake, and
 * report files (.lakereport) opened offline.
 */
export function ReportsPage({ route, navigate }: PageProps) {
  const tab = tabOf(route.sub);
  const routePath = tab === OPEN_SUB ? route.params.get('path') : null;
  const [seen, setSeen] = useState<ReadonlySet<ReportTab>>(() => new Set([tab]));
  useEffect(() => setSeen((s) => (s.has(tab) ? s : new Set([...s, tab]))), [tab]);
  // The opened report stays open (and its tab stays) while other tabs are in view, until closed.
  const [openPath, setOpenPath] = useState<string | null>(routePath);
  useEffect(() => {
    if (routePath) setOpenPath(routePath);
  }, [routePath]);

  const close = () => {
    setOpenPath(null);
    navigate(reportFilesHref(), { replace: true });
  };

  return (
    <div className="page" data-testid="page-reports">
      <PageHeader
        title="Reports"
        subtitle="Figures computed from the lake's current data, in USD, and reports exported for offline review."
        // Report files has its own, larger one.
        actions={tab === FILES_SUB ? undefined : <OpenReportButton />}
      />
      <Tabs<ReportTab>
        label="Reports"
        value={tab}
        onChange={(key) =>
          navigate(key === OPEN_SUB && openPath ? openReportHref(openPath) : routeHref('reports', key))
        }
        items={[
          { key: 'gross-profit', label: 'Gross profit' },
          { key: 'kpi', label: 'KPI dashboard' },
          { key: FILES_SUB, label: 'Report files' },
          ...(openPath ? [{ key: OPEN_SUB, label: tabLabel(openPath) } as const] : []),
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
      {seen.has(FILES_SUB) && (
        <div hidden={tab !== FILES_SUB}>
          <ReportFiles isVisible={tab === FILES_SUB} onOpen={(path) => navigate(openReportHref(path))} />
        </div>
      )}
      {openPath && (
        <div hidden={tab !== OPEN_SUB}>
          <BundleView key={openPath} path={openPath} onClose={close} />
        </div>
      )}
    </div>
  );
}
