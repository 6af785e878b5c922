import { DEFAULT_RETRY, type ClientTarget, type RetryPolicy } from '../aws-clients';
import type { EventBus } from '../event-bus';
import type { WorkspacesService } from '../workspaces/workspaces-service';
import { createSsoOidcApi, createSsoPortalApi } from './aws-sso-api';
import { resolveEndpoint } from './endpoints';
import { AccountsPrefsStore } from './favourites-store';
import { profileForOrganisation, requireOrganisation, type OrganisationConfig } from './organisations';
import { RoleCredentials } from './role-credentials';
import { homeDirFrom, loadSharedConfig, type SharedConfig } from './shared-config';
import { SignInGate } from './sign-in-gate';
import type { SsoOidcApi, SsoPortalApi } from './sso-api';
import { SsoSessions } from './sso-sessions';

export interface AccountsOptions {
  /** The app's own folder (favourites, colours). */
  appHome: string;
  /** The environment AWS settings are read from (AWS_CONFIG_FILE, AWS_PROFILE, HOME, …). */
  env: NodeJS.ProcessEnv;
  events: EventBus;
  workspaces: WorkspacesService;
  retry?: RetryPolicy;
  /** Renew a sign-in this long before it expires (default 5 minutes, as the AWS SDK). */
  refreshWindowMs?: number;
  /** Added to the polling interval on slow_down (default 5 s, RFC 8628). */
  slowDownStepMs?: number;
  /** Page size for ListAccounts / ListAccountRoles (default: the service's). */
  pageSize?: number;
}

/** What the accounts area's parts share: settings, sessions, credentials, the gate, the clients. */
export class AccountsContext {
  readonly sessions: SsoSessions;
  readonly gate: SignInGate;
  readonly roles: RoleCredentials;
  readonly prefs: AccountsPrefsStore;
  readonly retry: RetryPolicy;

  constructor(readonly options: AccountsOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.gate = new SignInGate(options.events);
    this.prefs = new AccountsPrefsStore(options.appHome);
    this.sessions = new SsoSessions({
      homeDir: homeDirFrom(options.env),
      events: options.events,
      oidcFor: (org) => this.oidcFor(org),
      refreshWindowMs: options.refreshWindowMs ?? 300_000,
    });
    this.roles = new RoleCredentials({
      sessions: this.sessions,
      gate: this.gate,
      portalFor: (org) => this.portalFor(org),
    });
  }

  /** Read fresh on every use: the person (or `aws configure`) may edit the files at any time. */
  config(): Promise<SharedConfig> {
    return loadSharedConfig(this.options.env);
  }

  async organisation(name: string): Promise<OrganisationConfig> {
    return requireOrganisation(await this.config(), name);
  }

  /** Where an organisation's SSO calls go: its sso_region, at the endpoint its profile sets. */
  async ssoTarget(
    org: OrganisationConfig,
    service: 'sso' | 'sso_oidc',
    retry = this.retry,
  ): Promise<ClientTarget> {
    const config = await this.config();
    const endpoint = resolveEndpoint(config, profileForOrganisation(config, org), service);
    return { region: org.region, retry, ...(endpoint ? { endpoint } : {}) };
  }

  async oidcFor(org: OrganisationConfig): Promise<SsoOidcApi> {
    return createSsoOidcApi(await this.ssoTarget(org, 'sso_oidc'), org.name);
  }

  async portalFor(org: OrganisationConfig, retry?: RetryPolicy): Promise<SsoPortalApi> {
    return createSsoPortalApi(await this.ssoTarget(org, 'sso', retry), org.name);
  }
}
