import type { CallerIdentity } from '@shared/accounts.schema';
import type { Workspace } from '@shared/workspaces.schema';
import { Badge } from '../components/Layout';
import { Icon } from '../components/Icon';
import { AwsTargetLabel, colourStyle } from '../features/accounts/WorkspaceLabel';
import { JobsMenu } from './JobsMenu';
import { routeHref } from './route';
import { useWorkspace } from './WorkspaceContext';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

/** The person part of an STS ARN (`…:assumed-role/AWSReservedSSO_Role_x/jane@example.com` → `jane@example.com`). */
function callerName(identity: CallerIdentity): string {
  return identity.arn.split('/').at(-1) ?? identity.arn;
}

/**
 * The active workspace on the left — a local lake's name and path, or an AWS account's name, id,
 * role, region and colour (a band across the bar, so production is never mistaken for test) —
 * then the workspace switcher and the jobs indicator.
 */
export function TopBar({ title }: { title: string }) {
  const { active, isLoading } = useWorkspace();
  const isAws = active?.kind === 'aws' && active.aws !== undefined;
  return (
    <header
      className={isAws ? 'topbar aws' : 'topbar'}
      style={colourStyle(active?.aws?.colour)}
      data-testid="topbar"
    >
      <div className="topbar-title">{title}</div>
      <div className="topbar-workspace" data-testid="active-workspace" data-kind={active?.kind}>
        {active ? (
          isAws ? (
            <AwsActive workspace={active} />
          ) : (
            <>
              <Icon name="folder" size={16} className="muted" />
              <span className="workspace-name" data-testid="active-workspace-name">
                {active.name}
              </span>
              <span className="workspace-path" title={active.path}>
                {active.path}
              </span>
              <Badge tone="accent">Local lake</Badge>
            </>
          )
        ) : (
          !isLoading && (
            <a className="topbar-link" href={routeHref('accounts')}>
              No workspace open — sign in to AWS or open a lake folder
            </a>
          )
        )}
      </div>
      <WorkspaceSwitcher />
      <JobsMenu />
    </header>
  );
}

function AwsActive({ workspace }: { workspace: Workspace }) {
  const { identity } = useWorkspace();
  const aws = workspace.aws!;
  return (
    <>
      <AwsTargetLabel target={aws} testIdPrefix="active-workspace" />
      <Badge>AWS</Badge>
      {identity.data ? (
        <span
          className="topbar-identity"
          title={`${identity.data.arn}\nUser id ${identity.data.userId}`}
          data-testid="active-workspace-identity"
        >
          as {callerName(identity.data)}
        </span>
      ) : (
        identity.error && (
          <span
            className="topbar-identity error"
            title={identity.error.hint}
            data-testid="active-workspace-identity"
          >
            {identity.error.code === 'SIGN_IN_REQUIRED' ? 'sign-in needed' : 'identity unknown'}
          </span>
        )
      )}
    </>
  );
}
