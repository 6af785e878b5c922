import type { AwsCredentials, CredentialsProvider } from '../aws-clients';
import { SignInRequiredError } from '../aws-call-errors';
import type { OrganisationConfig } from './organisations';
import type { SsoPortalApi } from './sso-api';
import type { SsoSessions } from './sso-sessions';
import type { SignInGate } from './sign-in-gate';

type Expiring = AwsCredentials & { expiration: Date; issuedAt: number };

export interface RoleCredentialsOptions {
  sessions: SsoSessions;
  gate: SignInGate;
  portalFor(org: OrganisationConfig): Promise<SsoPortalApi>;
}

/** How long before expiry to fetch new credentials: 5 minutes, or a quarter of a short lifetime. */
function marginOf(c: Expiring): number {
  return Math.min(300_000, (c.expiration.getTime() - c.issuedAt) / 4);
}

/**
 * Role credentials (GetRoleCredentials) per organisation, account and role: in memory only, never
 * written to disk or sent to the renderer, renewed before they expire.
 */
export class RoleCredentials {
  private readonly cache = new Map<string, Expiring>();
  private readonly inflight = new Map<string, Promise<Expiring>>();

  constructor(private readonly options: RoleCredentialsOptions) {}

  /** Current credentials, fetched when missing or about to expire. Throws SIGN_IN_REQUIRED. */
  async get(org: OrganisationConfig, accountId: string, roleName: string): Promise<AwsCredentials> {
    const key = `${org.name}\n${accountId}\n${roleName}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiration.getTime() - marginOf(cached) > Date.now()) return cached;
    let flight = this.inflight.get(key);
    if (!flight) {
      flight = this.fetch(org, accountId, roleName)
        .then((c) => (this.cache.set(key, c), c))
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, flight);
    }
    return flight;
  }

  private async fetch(org: OrganisationConfig, accountId: string, roleName: string): Promise<Expiring> {
    const token = await this.options.sessions.accessToken(org);
    const portal = await this.options.portalFor(org);
    const issuedAt = Date.now();
    return { ...(await portal.getRoleCredentials(token, accountId, roleName)), issuedAt };
  }

  /**
   * A provider for SDK clients. With `pauseOnExpiry`, an expired sign-in pauses the caller (asking
   * the person once, via the gate) and resumes after they sign in; without it, SIGN_IN_REQUIRED is
   * thrown at once (the CLI, quick calls).
   */
  provider(
    org: OrganisationConfig,
    accountId: string,
    roleName: string,
    options: { pauseOnExpiry: boolean; signal?: AbortSignal },
  ): CredentialsProvider {
    return async () => {
      for (;;) {
        try {
          return await this.get(org, accountId, roleName);
        } catch (error) {
          if (!options.pauseOnExpiry || !(error instanceof SignInRequiredError)) throw error;
          this.forget(org.name);
          await this.options.gate.wait(org, error.reason, error.message, options.signal);
        }
      }
    };
  }

  /** Drops every cached credential of an organisation (sign-out, rejected token). */
  forget(orgName: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${orgName}\n`)) this.cache.delete(key);
  }
}
