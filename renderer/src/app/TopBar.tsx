import { Badge } from '../components/Layout';
import { Icon } from '../components/Icon';
import { JobsMenu } from './JobsMenu';
import { routeHref } from './route';
import { useWorkspace } from './WorkspaceContext';

/** The active workspace (name, path, kind) on the left; the jobs indicator on the right. */
export function TopBar({ title }: { title: string }) {
  const { active, isLoading } = useWorkspace();
  return (
    <header className="topbar" data-testid="topbar">
      <div className="topbar-title">{title}</div>
      <div className="topbar-workspace" data-testid="active-workspace">
        {active ? (
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
        ) : (
          !isLoading && (
            <a className="topbar-link" href={routeHref('accounts')}>
              No workspace open — open a lake folder
            </a>
          )
        )}
      </div>
      <JobsMenu />
    </header>
  );
}
