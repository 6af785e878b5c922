import type { Workspace } from '@shared/workspaces.schema';
import { EmptyState } from '../components/EmptyState';
import { colourStyle, workspaceTitle } from '../features/accounts/WorkspaceLabel';
import type { Area } from './route';
import { routeHref } from './route';
import { useWorkspace } from './WorkspaceContext';

/** What each area will do in an AWS workspace, and with what it arrives. */
const PENDING: Partial<Record<Area, { title: string; text: string }>> = {
  lake: {
    title: 'The lake view for AWS workspaces arrives with S3 browsing and uploads',
    text: 'Browsing, previewing, validating and importing files work on local lake folders for now.',
  },
  catalog: {
    title: 'The catalog for AWS workspaces arrives with Glue crawlers',
    text: 'Crawling and table lists work on local lake folders for now.',
  },
  clusters: {
    title: 'Clusters for AWS workspaces arrive with EMR',
    text: 'Lake jobs run on local lake folders, with DuckDB, for now.',
  },
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
      </EmptyState>
    </div>
  );
}
