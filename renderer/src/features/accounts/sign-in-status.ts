import type { SignInStatus } from '@shared/accounts.schema';

export type StatusTone = 'neutral' | 'accent' | 'ok' | 'warn' | 'danger';

/** How an organisation's sign-in reads in a row: a badge and a line of detail. */
export interface SignInView {
  state: SignInStatus['state'];
  tone: StatusTone;
  label: string;
  detail: string;
  /** Time left, for the countdown; undefined unless signed in. */
  remainingMs: number | undefined;
}

/** Below this, a sign-in that cannot renew itself is flagged: work will pause soon. */
const SOON_MS = 10 * 60_000;

/** "7 h 59 min", "12 min 05 s", "42 s": a countdown that reads at a glance. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/**
 * The sign-in as people should read it. The expiry is checked against `now` as well as the
 * reported state, so the countdown turns to "expired" on time even if no event says so.
 */
export function describeSignIn(status: SignInStatus | undefined, now: number): SignInView {
  if (!status)
    return { state: 'signedOut', tone: 'neutral', label: 'Checking…', detail: '', remainingMs: undefined };
  if (status.state === 'pending') {
    return {
      state: 'pending',
      tone: 'accent',
      label: 'Waiting for approval',
      detail: 'Confirm the code in your browser to finish signing in.',
      remainingMs: undefined,
    };
  }
  const expiresAt = status.expiresAt ? new Date(status.expiresAt).getTime() : undefined;
  if (status.state === 'signedIn' && expiresAt !== undefined && expiresAt > now) {
    const remainingMs = expiresAt - now;
    const isSoon = !status.canRefresh && remainingMs < SOON_MS;
    return {
      state: 'signedIn',
      tone: isSoon ? 'warn' : 'ok',
      label: 'Signed in',
      detail: status.canRefresh
        ? `${formatRemaining(remainingMs)} left · renews automatically`
        : `${formatRemaining(remainingMs)} left · then sign in again`,
      remainingMs,
    };
  }
  if (status.state === 'signedIn' || status.state === 'expired') {
    return {
      state: 'expired',
      tone: 'danger',
      label: 'Sign-in expired',
      detail: 'Work on its accounts is paused until you sign in again.',
      remainingMs: undefined,
    };
  }
  return {
    state: 'signedOut',
    tone: 'neutral',
    label: 'Not signed in',
    detail: 'Sign in to see its accounts and roles.',
    remainingMs: undefined,
  };
}

/** A session name from a start URL (`https://acme.awsapps.com/start` → `acme`), for "Add organisation". */
export function suggestSessionName(startUrl: string): string {
  try {
    const host = new URL(startUrl).hostname;
    const first = host.split('.')[0] ?? '';
    return first.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 64);
  } catch {
    return '';
  }
}
