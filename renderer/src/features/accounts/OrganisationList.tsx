import type { Organisation } from '@shared/accounts.schema';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { Badge, Loading } from '../../components/Layout';
import { DeviceCodeCard } from './DeviceCodeCard';
import { useOrganisations } from './OrganisationsContext';
import { describeSignIn } from './sign-in-status';
import { useNow } from './useNow';

/** The organisations in the AWS config, each with its sign-in, countdown and actions. */
export function OrganisationList({
  selected,
  onSelect,
  onAdd,
}: {
  selected: string | undefined;
  onSelect: (session: string) => void;
  onAdd: () => void;
}) {
  const { organisations, isLoading, error, reload } = useOrganisations();
  const now = useNow(
    1000,
    organisations.some((o) => o.signIn.state === 'signedIn'),
  );

  if (isLoading) return <Loading label="Reading your AWS config…" />;
  if (error) return <ErrorBanner error={error} onRetry={reload} />;
  if (organisations.length === 0) {
    return (
      <div className="org-empty">
        <EmptyState
          icon="cloud"
          title="No AWS organisation yet"
          testId="organisations-empty"
          action={
            <button type="button" className="button primary" onClick={onAdd}>
              Add organisation
            </button>
          }
        >
          <p>
            Add your company's IAM Identity Center: its start URL (such as{' '}
            <code>https://your-company.awsapps.com/start</code>) and the region it runs in. Lakedesk saves it
            in your AWS config, where the AWS CLI finds it too.
          </p>
        </EmptyState>
      </div>
    );
  }
  return (
    <ul className="org-list" data-testid="organisation-list">
      {organisations.map((org) => (
        <OrganisationRow
          key={org.name}
          org={org}
          now={now}
          isSelected={org.name === selected}
          onSelect={() => onSelect(org.name)}
        />
      ))}
    </ul>
  );
}

function OrganisationRow({
  org,
  now,
  isSelected,
  onSelect,
}: {
  org: Organisation;
  now: number;
  isSelected: boolean;
  onSelect: () => void;
}) {
  const { signIn, cancelSignIn, signOut, busy, errors, clearError } = useOrganisations();
  const view = describeSignIn(org.signIn, now);
  const activity = busy[org.name];
  const error = errors[org.name];
  const className = ['org-item', isSelected && 'selected', `state-${view.state}`].filter(Boolean).join(' ');

  return (
    <li className={className} data-testid="organisation-item" data-session={org.name}>
      <div className="org-item-main">
        <span className="org-icon" aria-hidden="true">
          <Icon name="cloud" size={18} />
        </span>
        <div className="org-item-text">
          <div className="org-item-name">
            {org.name}
            {org.source === 'legacy' && <Badge>legacy profiles</Badge>}
          </div>
          <div className="org-item-url mono" title={org.startUrl}>
            {org.startUrl}
          </div>
          <div className="org-item-meta">
            SSO region {org.region}
            {org.profiles.length > 0 &&
              ` · ${org.profiles.length} profile${org.profiles.length === 1 ? '' : 's'} in your config`}
          </div>
        </div>
        <div className="org-item-status" data-testid="organisation-state" data-state={view.state}>
          <Badge tone={view.tone}>{view.label}</Badge>
          <span className="org-item-countdown" data-testid="organisation-countdown">
            {view.detail}
          </span>
        </div>
        <div className="org-item-actions">
          {view.state === 'signedIn' ? (
            <>
              <button
                type="button"
                className={isSelected ? 'button small primary' : 'button small'}
                onClick={onSelect}
                aria-pressed={isSelected}
                data-testid="organisation-accounts"
              >
                {isSelected ? 'Showing accounts' : 'Accounts'}
              </button>
              <button
                type="button"
                className="button small subtle"
                disabled={activity === 'signingOut'}
                onClick={() => void signOut(org.name)}
                title="Ends the sign-in here and for the AWS CLI on this machine"
                data-testid="organisation-sign-out"
              >
                {activity === 'signingOut' ? 'Signing out…' : 'Sign out'}
              </button>
            </>
          ) : view.state !== 'pending' ? (
            <button
              type="button"
              className="button small primary"
              disabled={activity === 'signingIn'}
              onClick={() => void signIn(org.name)}
              data-testid="organisation-sign-in"
            >
              {activity === 'signingIn'
                ? 'Starting…'
                : view.state === 'expired'
                  ? 'Sign in again'
                  : 'Sign in'}
            </button>
          ) : null}
        </div>
      </div>
      {org.signIn.pending && (
        <DeviceCodeCard
          prompt={org.signIn.pending}
          organisation={org.name}
          onCancel={() => cancelSignIn(org.name)}
        />
      )}
      {error && <ErrorBanner error={error} compact onDismiss={() => clearError(org.name)} />}
    </li>
  );
}
