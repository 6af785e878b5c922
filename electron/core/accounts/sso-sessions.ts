import type { DeviceCodePrompt, SignInStatus } from '@shared/accounts.schema';
import { signInRequiredError } from '../aws-call-errors';
import type { EventBus } from '../event-bus';
import type { OrganisationConfig } from './organisations';
import type { SsoOidcApi } from './sso-api';
import { readCachedToken, tokenCachePath, writeCachedToken, type CachedSsoToken } from './sso-token-cache';

export interface SsoSessionsOptions {
  homeDir: string;
  events: EventBus;
  oidcFor(org: OrganisationConfig): Promise<SsoOidcApi>;
  /** Renew this long before expiry (the AWS SDK uses 5 minutes). */
  refreshWindowMs: number;
}

function canRefresh(token: CachedSsoToken | undefined, now: number): boolean {
  return Boolean(
    token?.refreshToken &&
    token.clientId &&
    token.clientSecret &&
    (!token.registrationExpiresAt || token.registrationExpiresAt.getTime() > now),
  );
}

/**
 * Each organisation's sign-in, kept in the AWS CLI's token cache: read fresh from disk every time
 * (the CLI may have signed in or refreshed meanwhile), renewed with the refresh token before it
 * expires, on use and on a timer, so a countdown never runs out while the app is open.
 */
export class SsoSessions {
  private readonly refreshing = new Map<string, Promise<string>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pending = new Map<string, DeviceCodePrompt>();

  constructor(private readonly options: SsoSessionsOptions) {}

  cachePath(org: OrganisationConfig): string {
    return tokenCachePath(this.options.homeDir, org.cacheKey);
  }

  /** Sign-in status from the cache file and any sign-in waiting for approval. */
  async status(org: OrganisationConfig): Promise<SignInStatus> {
    const token = await readCachedToken(this.cachePath(org));
    const now = Date.now();
    const pending = this.pending.get(org.name);
    const state = pending
      ? 'pending'
      : !token
        ? 'signedOut'
        : token.expiresAt.getTime() > now
          ? 'signedIn'
          : 'expired';
    return {
      session: org.name,
      state,
      ...(token ? { expiresAt: token.expiresAt.toISOString() } : {}),
      canRefresh: canRefresh(token, now),
      ...(pending ? { pending } : {}),
    };
  }

  /**
   * A usable access token: the cached one, renewed first when it is within the refresh window.
   * Throws SIGN_IN_REQUIRED when there is none and it cannot be renewed.
   */
  async accessToken(org: OrganisationConfig): Promise<string> {
    const token = await readCachedToken(this.cachePath(org));
    if (!token) throw signInRequiredError(org.name, 'is missing (not signed in)', 'signedOut');
    const now = Date.now();
    const valid = token.expiresAt.getTime() > now;
    if (token.expiresAt.getTime() - this.options.refreshWindowMs > now) return token.accessToken;
    if (!canRefresh(token, now)) {
      if (valid) return token.accessToken;
      throw signInRequiredError(org.name, 'has expired');
    }
    try {
      return await this.refreshOnce(org, token);
    } catch (error) {
      // A refresh that fails while the token still works is retried on the next use.
      if (valid) return token.accessToken;
      throw error;
    }
  }

  private refreshOnce(org: OrganisationConfig, token: CachedSsoToken): Promise<string> {
    let flight = this.refreshing.get(org.name);
    if (!flight) {
      flight = this.refresh(org, token).finally(() => this.refreshing.delete(org.name));
      this.refreshing.set(org.name, flight);
    }
    return flight;
  }

  private async refresh(org: OrganisationConfig, token: CachedSsoToken): Promise<string> {
    const oidc = await this.options.oidcFor(org);
    const registration = {
      clientId: token.clientId!,
      clientSecret: token.clientSecret!,
      expiresAt: token.registrationExpiresAt ?? new Date(0),
    };
    const grant = await oidc.refresh(registration, token.refreshToken!);
    await this.save(org, {
      ...token,
      accessToken: grant.accessToken,
      expiresAt: new Date(Date.now() + grant.expiresInSeconds * 1000),
      refreshToken: grant.refreshToken ?? token.refreshToken,
    });
    return grant.accessToken;
  }

  /** Writes a new sign-in to the cache, announces it and schedules its renewal. */
  async save(org: OrganisationConfig, token: CachedSsoToken): Promise<void> {
    await writeCachedToken(this.cachePath(org), token);
    await this.announce(org);
  }

  async setPending(org: OrganisationConfig, prompt: DeviceCodePrompt | undefined): Promise<void> {
    if (prompt) this.pending.set(org.name, prompt);
    else this.pending.delete(org.name);
    await this.announce(org);
  }

  /** Emits the current status and (re)arms the renewal timer. */
  async announce(org: OrganisationConfig): Promise<SignInStatus> {
    const status = await this.status(org);
    this.options.events.emit('accounts.sessionChanged', status);
    this.schedule(org, status);
    return status;
  }

  private schedule(org: OrganisationConfig, status: SignInStatus): void {
    clearTimeout(this.timers.get(org.name));
    this.timers.delete(org.name);
    if (status.state !== 'signedIn' || !status.canRefresh || !status.expiresAt) return;
    const due = new Date(status.expiresAt).getTime() - this.options.refreshWindowMs - Date.now();
    const timer = setTimeout(
      () => {
        this.timers.delete(org.name);
        this.accessToken(org).catch(() => this.announce(org));
      },
      Math.max(1_000, due),
    );
    // The timer must never keep a CLI command or a test process alive.
    timer.unref();
    this.timers.set(org.name, timer);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
