import { cancelledError } from '../errors';
import type { EventBus } from '../event-bus';
import type { OrganisationConfig } from './organisations';

interface Waiting {
  promise: Promise<void>;
  release(): void;
}

/**
 * Where work waits for a sign-in. The first waiter of an organisation announces
 * `accounts.signInRequired`; later ones join it silently, so the person is asked once however many
 * uploads and queries are paused. A successful sign-in releases them all.
 */
export class SignInGate {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly events: EventBus) {}

  /** Resolves after the next successful sign-in to `org`; rejects CANCELLED when `signal` fires. */
  wait(
    org: OrganisationConfig,
    reason: 'expired' | 'signedOut' | 'rejected',
    message: string,
    signal?: AbortSignal,
  ): Promise<void> {
    let entry = this.waiting.get(org.name);
    if (!entry) {
      let release!: () => void;
      const promise = new Promise<void>((resolve) => (release = resolve));
      entry = { promise, release };
      this.waiting.set(org.name, entry);
      this.events.emit('accounts.signInRequired', {
        session: org.name,
        startUrl: org.startUrl,
        reason,
        message,
      });
    }
    if (!signal) return entry.promise;
    if (signal.aborted) return Promise.reject(cancelledError());
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(cancelledError());
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, reject);
    });
  }

  isWaiting(org: OrganisationConfig): boolean {
    return this.waiting.has(org.name);
  }

  /** Called after a successful sign-in: paused work resumes. */
  release(orgName: string): void {
    const entry = this.waiting.get(orgName);
    this.waiting.delete(orgName);
    entry?.release();
  }
}
