import { Icon } from '../../components/Icon';
import { DeviceCodeCard } from './DeviceCodeCard';
import { useOrganisations, type SignInRequired } from './OrganisationsContext';

function headline(required: SignInRequired): string {
  switch (required.reason) {
    case 'expired':
      return `Your sign-in to ${required.session} expired — work is paused.`;
    case 'rejected':
      return `AWS refused your sign-in to ${required.session} — work is paused.`;
    default:
      return `Work needs a sign-in to ${required.session} — it is paused.`;
  }
}

/**
 * The one prompt to sign in again when paused work needs it (the core asks once per expiry). It does
 * not block the window: the person may finish what they are doing first; nothing is lost meanwhile.
 */
export function SignInRequiredPrompt() {
  const { required, dismissRequired, signIn, cancelSignIn, busy, errors, organisations } = useOrganisations();
  if (!required) return null;
  const session = required.session;
  const pending = organisations.find((o) => o.name === session)?.signIn.pending;
  const error = errors[session];

  return (
    <div className="sign-in-prompt" role="status" aria-live="polite" data-testid="sign-in-required">
      <Icon name="alert" className="sign-in-prompt-icon" />
      <div className="sign-in-prompt-text">
        <strong>{headline(required)}</strong>
        <span className="muted">
          {pending
            ? 'Approve the code below in your browser; paused work then carries on by itself.'
            : 'Nothing is lost: uploads and queries carry on once you sign in again.'}
        </span>
        {pending && (
          <DeviceCodeCard
            prompt={pending}
            organisation={session}
            onCancel={() => cancelSignIn(session)}
            compact
          />
        )}
        {error && <span className="sign-in-prompt-error">{error.message}</span>}
      </div>
      {!pending && (
        <button
          type="button"
          className="button primary small"
          disabled={busy[session] === 'signingIn'}
          onClick={() => void signIn(session)}
          data-testid="sign-in-again"
        >
          {busy[session] === 'signingIn' ? 'Starting…' : 'Sign in again'}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissRequired}>
        ×
      </button>
    </div>
  );
}
