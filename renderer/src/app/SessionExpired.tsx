import { Icon } from '../components/Icon';

/** Browser mode only: the server refused our cookie (restarted, or the token changed). */
export function SessionExpired() {
  return (
    <div className="session-expired" role="alert" data-testid="session-expired">
      <div className="session-expired-card">
        <Icon name="shield" size={32} className="muted" />
        <h1>Session expired</h1>
        <p>
          This browser tab is no longer signed in to Lakedesk. Reopen the URL printed by{' '}
          <code>lakedesk serve</code> (it carries a fresh token), or start it again if it has stopped.
        </p>
      </div>
    </div>
  );
}
