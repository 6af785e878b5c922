import { useEffect, useState } from 'react';
import { createLakeClient, pickBridge, type TypedLakeClient } from '../lib/lake-client';
import { LakeProvider } from '../lib/LakeProvider';
import { useColorScheme } from '../lib/useColorScheme';
import { OrganisationsProvider } from '../features/accounts/OrganisationsContext';
import { JobsProvider } from './JobsContext';
import { SessionExpired } from './SessionExpired';
import { Shell } from './Shell';
import { ToastProvider } from './ToastContext';
import { WorkspaceProvider } from './WorkspaceContext';

/** The root: one client for the window (its transport chosen once), then the providers and the shell. */
export function App({ client }: { client?: TypedLakeClient }) {
  const [isExpired, setExpired] = useState(false);
  const [lake] = useState(() => client ?? createLakeClient(pickBridge(() => setExpired(true))));
  const scheme = useColorScheme();

  useEffect(() => {
    // ag-grid's theme modes key off this attribute (see grid-setup.ts).
    document.body.dataset.agThemeMode = scheme;
  }, [scheme]);

  if (isExpired) return <SessionExpired />;
  return (
    <LakeProvider client={lake}>
      <ToastProvider>
        <WorkspaceProvider>
          <OrganisationsProvider>
            <JobsProvider>
              <Shell />
            </JobsProvider>
          </OrganisationsProvider>
        </WorkspaceProvider>
      </ToastProvider>
    </LakeProvider>
  );
}
