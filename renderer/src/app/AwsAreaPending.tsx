import type { Workspace } from '@shared/workspaces.schema';
import { EmptyState } from '../components/EmptyState';
import { colourStyle, workspaceTitle } from '../features/accounts/WorkspaceLabel';
import type { Area } from './route';
import { routeHref } from './route';
import { reportFilesHref } from '../features/reports/bundle/report-routes';
import { useWorkspace } from './WorkspaceContext';

/** What each area will do in an AWS workspace, and with what it arrives. */
const PENDING: Partial<Record<Area, { title: string; text: string }>> = {
  queries: {
    title: 'Queries for AWS workspaces arrive with Athena',
    text: 'Saved queries and the SQL editor run on local lake folders, with DuckDB, for now.',
  },
  reports: {
    title: 'Reports for AWS workspaces arrive with Athena',
    text: 'Gross profit and the KPI dashboard are computed from local lake folders for now.',
  },
};

/** An area that only works on local lakes yet, opened in an AWS workspace: say so, offer a way on. */
export function AwsAreaPending({ area, workspace }: { area: Area; workspace: Workspace }) {
  const { workspaces } = useWorkspace();
  const pending = PENDING[area] ?? {
    title: 'This area arrives for AWS workspaces soon',
    text: 'It works on local lake folders for now.',
  };
  const hasLocal = workspaces.some((w) => w.kind === 'local');
  return (
    <div style={colourStyle(workspace.aws?.colour)} className="aws-pending">
      <EmptyState
        icon="cloud"
        title={pending.title}
        testId="aws-area-pending"
        action={
          <a className="button" href={routeHref('accounts')}>
            {hasLocal ? 'Switch to a local lake in Accounts' : 'Open a local lake in Accounts'}
          </a>
        }
      >
        <p>
          The active workspace, <strong>{workspaceTitle(workspace)}</strong>, is an AWS account.{' '}
          {pending.text}
        </p>
        {area === 'reports' && <OfflineReportsLink />}
      </EmptyState>
    </div>
  );
}

/** Exported reports need neither a lake nor AWS: the way to them from a notice that blocks the rest. */
export function OfflineReportsLink() {
  return (
    <p>
      Reports exported earlier open without either:{' '}
      <a href={reportFilesHref()} data-testid="offline-reports-link">
        open a report file
      </a>
      .
    </p>
  );
}
