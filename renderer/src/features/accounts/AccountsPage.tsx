import { Icon } from '../../components/Icon';
import { PageHeader, Panel } from '../../components/Layout';
import { OpenFolderForm } from './OpenFolderForm';
import { WorkspaceList } from './WorkspaceList';

/** Workspaces: local lake folders today; AWS accounts through SSO in a later release. */
export function AccountsPage() {
  return (
    <div className="page" data-testid="page-accounts">
      <PageHeader
        title="Accounts"
        subtitle="The lakes this console works on. Each workspace is a local lake folder for now."
      />
      <div className="page-body stack">
        <Panel title="Open a local lake">
          <OpenFolderForm />
        </Panel>
        <Panel title="Workspaces">
          <WorkspaceList />
        </Panel>
        <Panel title="AWS accounts" testId="aws-section">
          <div className="notice">
            <Icon name="cloud" size={22} className="muted" />
            <div>
              <strong>AWS sign-in arrives in a later release.</strong>
              <p className="muted">
                You will sign in with your company's IAM Identity Center (SSO) and choose an account and role;
                the same views will then work on S3, Glue, Athena and EMR. Until then, everything here runs on
                a local lake folder with DuckDB.
              </p>
            </div>
          </div>
        </Panel>
      </div>
    </div>
  );
}
