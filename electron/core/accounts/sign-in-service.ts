import type { Organisation, SignInStatus } from '@shared/accounts.schema';
import type { JobControl } from '../jobs';
import type { AccountsContext } from './accounts-context';
import { addSsoSession, type NewSsoSession } from './config-writer';
import { deviceSignIn } from './device-sign-in';
import { organisationsOf, type OrganisationConfig } from './organisations';
import { homeDirFrom } from './shared-config';
import { readCachedToken, removeCachedToken } from './sso-token-cache';

/** Organisations, and signing in and out of them. */
export class SignInService {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly ctx: AccountsContext) {}

  private async describe(org: OrganisationConfig): Promise<Organisation> {
    const { name, startUrl, region, scopes, source, profiles } = org;
    return { name, startUrl, region, scopes, source, profiles, signIn: await this.ctx.sessions.status(org) };
  }

  /** Every organisation in the config, with its sign-in status. */
  async listOrganisations(): Promise<{ organisations: Organisation[] }> {
    const orgs = organisationsOf(await this.ctx.config());
    return { organisations: await Promise.all(orgs.map((o) => this.describe(o))) };
  }

  /** Saves a new `[sso-session]` (the person's "Add organisation"). */
  async addOrganisation(input: NewSsoSession): Promise<Organisation> {
    const config = await this.ctx.config();
    await addSsoSession(config.configFile, input);
    return this.describe(await this.ctx.organisation(input.name));
  }

  async status(session: string): Promise<SignInStatus> {
    return this.ctx.sessions.status(await this.ctx.organisation(session));
  }

  /**
   * The body of the `accounts.signIn` job. A second sign-in to the same organisation replaces the
   * first (the person clicked again), so only one code is ever shown.
   */
  async signIn(session: string, job: JobControl): Promise<{ session: string; expiresAt: string }> {
    const org = await this.ctx.organisation(session);
    this.running.get(org.name)?.abort();
    const own = new AbortController();
    this.running.set(org.name, own);
    const { sessions } = this.ctx;
    try {
      const token = await deviceSignIn(org, {
        oidc: await this.ctx.oidcFor(org),
        homeDir: homeDirFrom(this.ctx.options.env),
        signal: AbortSignal.any([job.signal, own.signal]),
        slowDownStepMs: this.ctx.options.slowDownStepMs ?? 5_000,
        defaultIntervalMs: 5_000,
        onPrompt: (prompt) => {
          job.progress({
            done: 0,
            message: `Open ${prompt.verificationUri} and confirm the code ${prompt.userCode}`,
          });
          return sessions.setPending(org, { ...prompt, jobId: job.id });
        },
      });
      this.ctx.roles.forget(org.name);
      await sessions.setPending(org, undefined);
      await sessions.save(org, token);
      // Work paused on this organisation's expiry resumes now.
      this.ctx.gate.release(org.name);
      return { session: org.name, expiresAt: token.expiresAt.toISOString() };
    } finally {
      if (this.running.get(org.name) === own) {
        this.running.delete(org.name);
        if ((await sessions.status(org)).state === 'pending') await sessions.setPending(org, undefined);
      }
    }
  }

  /** Signs out: Logout on the portal (best effort), then the cached sign-in and credentials go. */
  async signOut(session: string): Promise<SignInStatus> {
    const org = await this.ctx.organisation(session);
    this.running.get(org.name)?.abort();
    const path = this.ctx.sessions.cachePath(org);
    const token = await readCachedToken(path);
    if (token && token.expiresAt.getTime() > Date.now()) {
      // Signing out must work offline or with an already revoked token: the local part matters most.
      const portal = await this.ctx.portalFor(org, { ...this.ctx.retry, maxAttempts: 2 });
      await portal.logout(token.accessToken).catch(() => undefined);
    }
    await removeCachedToken(path);
    this.ctx.roles.forget(org.name);
    return this.ctx.sessions.announce(org);
  }
}
