import { useState } from 'react';
import type { PageProps } from '../../app/Shell';
import { routeHref } from '../../app/route';
import { Icon } from '../../components/Icon';
import { Badge, PageHeader, Panel } from '../../components/Layout';
import { AccountBrowser } from './AccountBrowser';
import { AddOrganisationDialog } from './AddOrganisationDialog';
import { OpenFolderForm } from './OpenFolderForm';
import { OrganisationList } from './OrganisationList';
import { useOrganisations } from './OrganisationsContext';
import { WorkspaceList } from './WorkspaceList';

/**
 * Accounts: the open workspaces, the AWS organisations with their sign-ins, the accounts and roles
 * of the one chosen (`?org=`), and local lake folders.
 */
export function AccountsPage({ route, navigate }: PageProps) {
  const { organisations, reload } = useOrganisations();
  const [isAdding, setAdding] = useState(false);
  const signedIn = organisations.filter((o) => o.signIn.state === 'signedIn');
  const wanted = route.params.get('org') ?? undefined;
  // The organisation asked for, else the only signed-in one; never one that is signed out.
  const shown = signedIn.find((o) => o.name === wanted) ?? (signedIn.length === 1 ? signedIn[0] : undefined);
  const select = (session: string) =>
    navigate(routeHref('accounts', '', { org: session }), { replace: true });

  return (
    <div className="page" data-testid="page-accounts">
      <PageHeader
        title="Accounts"
        subtitle="Sign in to your company's AWS organisations and open accounts as workspaces, or work on a local lake folder."
        actions={
          <button
            type="button"
            className="button"
            onClick={() => setAdding(true)}
            data-testid="add-organisation"
          >
            <Icon name="cloud" size={15} />
            Add organisation
          </button>
        }
      />
      <div className="page-body stack">
        <Panel title="Workspaces" testId="workspaces-section">
          <WorkspaceList />
        </Panel>
        <Panel title="AWS organisations" testId="aws-section">
          <OrganisationList selected={shown?.name} onSelect={select} onAdd={() => setAdding(true)} />
        </Panel>
        {shown ? (
          <Panel
            title={
              <>
                Accounts and roles <Badge>{shown.name}</Badge>
              </>
            }
            className="accounts-panel"
            testId="accounts-section"
          >
            <AccountBrowser key={shown.name} organisation={shown} />
          </Panel>
        ) : (
          signedIn.length > 1 && (
            <p className="muted accounts-hint">
              Choose “Accounts” on an organisation to see its accounts and roles.
            </p>
          )
        )}
        <Panel title="Open a local lake">
          <OpenFolderForm />
        </Panel>
      </div>
      {isAdding && (
        <AddOrganisationDialog
          onClose={() => setAdding(false)}
          onAdded={(session) => {
            setAdding(false);
            reload();
            select(session);
          }}
        />
      )}
    </div>
  );
}
