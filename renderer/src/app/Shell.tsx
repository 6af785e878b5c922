import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ComponentType } from 'react';
import { EmptyState } from '../components/EmptyState';
import { Loading } from '../components/Layout';
import { useCall } from '../lib/useCall';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { OpenFolderForm } from '../features/accounts/OpenFolderForm';
import { SignInRequiredPrompt } from '../features/accounts/SignInRequiredPrompt';
import { ReportOpening } from '../features/reports/bundle/ReportOpening';
import { AwsAreaPending, OfflineReportsLink } from './AwsAreaPending';
import { Nav } from './Nav';
import { PipelineNotices } from './PipelineNotices';
import { NAV_ITEMS } from './nav-items';
import { AREAS, routeHref, useRoute, type Area, type Route } from './route';
import { ToastStack } from './ToastContext';
import { TopBar } from './TopBar';
import { useAreaShortcuts } from './useShortcuts';
import { useWorkspace } from './WorkspaceContext';

export interface PageProps {
  route: Route;
  navigate: (href: string, options?: { replace?: boolean }) => void;
}

// Areas load on first visit: the grid, chart and editor libraries stay out of the first paint.
const LakePage = lazy(() => import('../features/storage/LakePage').then((m) => ({ default: m.LakePage })));
const CatalogPage = lazy(() =>
  import('../features/catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })),
);
const ClustersPage = lazy(() =>
  import('../features/clusters/ClustersPage').then((m) => ({ default: m.ClustersPage })),
);
const QueriesPage = lazy(() =>
  import('../features/queries/QueriesPage').then((m) => ({ default: m.QueriesPage })),
);
const ReportsPage = lazy(() =>
  import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
);

const PAGES: Record<Area, ComponentType<PageProps>> = {
  accounts: AccountsPage,
  lake: LakePage,
  catalog: CatalogPage,
  clusters: ClustersPage,
  queries: QueriesPage,
  reports: ReportsPage,
};

/**
 * The window: navigation, top bar, and the areas. An area stays mounted (hidden) once visited, so
 * a running query or an open report survives a trip to another area; switching workspace remounts
 * them all but Accounts, since nothing of one lake's views applies to another. An area that does
 * not work on AWS yet (`worksOnAws`) shows a notice for an AWS workspace instead of failing calls.
 */
export function Shell() {
  const [route, navigate] = useRoute();
  const { active, isLoading } = useWorkspace();
  const info = useCall('app.info', {});
  // The last route of each visited area: hidden areas keep theirs, and the navigation returns to it.
  const [routes, setRoutes] = useState<Partial<Record<Area, Route>>>(() => ({ [route.area]: route }));
  const hrefs = useMemo(() => hrefsOf(routes), [routes]);
  const goToArea = useCallback((href: string) => navigate(hrefs[hrefArea(href)] ?? href), [hrefs, navigate]);
  useAreaShortcuts(goToArea);

  useEffect(() => {
    setRoutes((r) => (r[route.area] === route ? r : { ...r, [route.area]: route }));
    const item = NAV_ITEMS.find((i) => i.area === route.area);
    document.title = item ? `${item.label} — Lakedesk` : 'Lakedesk';
  }, [route]);

  const current = NAV_ITEMS.find((i) => i.area === route.area) ?? NAV_ITEMS[0]!;
  return (
    <div className="shell" data-testid="shell">
      <Nav active={route.area} version={info.data?.version} hrefs={hrefs} />
      <div className="shell-main">
        <TopBar title={current.label} />
        <SignInRequiredPrompt />
        <main className="content" data-testid="content">
          {isLoading ? (
            <Loading label="Opening Lakedesk…" />
          ) : (
            AREAS.map((area) => {
              const areaRoute = area === route.area ? route : routes[area];
              if (!areaRoute) return null;
              const Page = PAGES[area];
              const item = NAV_ITEMS.find((i) => i.area === area);
              const needsWorkspace = item?.needsWorkspace && !item.offlineSubs?.includes(areaRoute.sub);
              const isAwsPending = needsWorkspace && active?.kind === 'aws' && !item?.worksOnAws;
              return (
                <div
                  // Accounts is about workspaces, not inside one: it keeps its search and choices.
                  key={area === 'accounts' ? area : `${area}:${active?.id ?? 'none'}`}
                  className="area"
                  hidden={area !== route.area}
                  data-area={area}
                >
                  {needsWorkspace && !active ? (
                    <NoWorkspace area={area} />
                  ) : isAwsPending && active ? (
                    <AwsAreaPending area={area} workspace={active} />
                  ) : (
                    <Suspense fallback={<Loading />}>
                      <Page route={areaRoute} navigate={navigate} />
                    </Suspense>
                  )}
                </div>
              );
            })
          )}
        </main>
      </div>
      <ReportOpening />
      <PipelineNotices />
      <ToastStack />
    </div>
  );
}

function hrefsOf(routes: Partial<Record<Area, Route>>): Partial<Record<Area, string>> {
  const hrefs: Partial<Record<Area, string>> = {};
  for (const [area, r] of Object.entries(routes) as [Area, Route][]) {
    hrefs[area] = routeHref(area, r.sub, Object.fromEntries(r.params));
  }
  return hrefs;
}

function hrefArea(href: string): Area {
  const name = href.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (AREAS as readonly string[]).includes(name ?? '') ? (name as Area) : 'accounts';
}

function NoWorkspace({ area }: { area: Area }) {
  return (
    <EmptyState icon="folder" title="Open a local lake folder" testId="no-workspace">
      <p>
        Lakedesk works on a lake: a folder of CSV and Parquet files, one folder per table. To work in an AWS
        account, sign in from <a href={routeHref('accounts')}>Accounts</a>.
      </p>
      {area === 'reports' && <OfflineReportsLink />}
      <div className="empty-state-form">
        <OpenFolderForm autoFocus />
      </div>
    </EmptyState>
  );
}
