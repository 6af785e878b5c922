import type { AccountList, AccountSummary, RoleList } from '@shared/accounts.schema';
import type { JobControl } from '../jobs';
import type { AccountsContext } from './accounts-context';
import { defaultColour } from './account-colours';
import { listAccounts, listRoles, type DirectoryOptions, type ListedAccount } from './account-directory';
import type { OrganisationConfig } from './organisations';

interface Listing {
  accounts: ListedAccount[];
  withRoles: boolean;
  fetchedAt: string;
}

/** Accounts and roles per organisation, favourites and colours. */
export class DirectoryService {
  /** The last listing per organisation in this run, so reopening the list is instant. */
  private readonly listings = new Map<string, Listing>();

  constructor(private readonly ctx: AccountsContext) {}

  private async directory(
    org: OrganisationConfig,
    signal?: AbortSignal,
    job?: JobControl,
  ): Promise<DirectoryOptions> {
    return {
      portal: await this.ctx.portalFor(org),
      accessToken: () => this.ctx.sessions.accessToken(org),
      ...(signal ? { signal } : {}),
      ...(job ? { onProgress: (p) => job.progress(p) } : {}),
      ...(this.ctx.options.pageSize ? { pageSize: this.ctx.options.pageSize } : {}),
    };
  }

  /** The body of the `accounts.listAccounts` job. */
  async listAccounts(
    input: { session: string; includeRoles: boolean; refresh: boolean },
    job: JobControl,
  ): Promise<AccountList> {
    const org = await this.ctx.organisation(input.session);
    let listing = this.listings.get(org.name);
    if (!listing || input.refresh || (input.includeRoles && !listing.withRoles)) {
      const accounts = await listAccounts(await this.directory(org, job.signal, job), input.includeRoles);
      listing = { accounts, withRoles: input.includeRoles, fetchedAt: new Date().toISOString() };
      this.listings.set(org.name, listing);
    }
    return {
      session: org.name,
      accounts: await this.decorate(org.name, listing.accounts, input.includeRoles),
      fetchedAt: listing.fetchedAt,
    };
  }

  /** Adds favourites and colours; favourites first, then by name. */
  private async decorate(
    session: string,
    accounts: ListedAccount[],
    withRoles: boolean,
  ): Promise<AccountSummary[]> {
    const prefs = await this.ctx.prefs.load();
    const favourites = new Set(prefs.favourites[session] ?? []);
    return accounts
      .map((a) => ({
        accountId: a.accountId,
        accountName: a.accountName,
        ...(a.emailAddress ? { emailAddress: a.emailAddress } : {}),
        favourite: favourites.has(a.accountId),
        colour: prefs.colours[a.accountId] ?? defaultColour(a.accountId, a.accountName),
        ...(withRoles && a.roles ? { roles: a.roles } : {}),
      }))
      .sort(
        (a, b) => Number(b.favourite) - Number(a.favourite) || a.accountName.localeCompare(b.accountName),
      );
  }

  async listRoles(session: string, accountId: string): Promise<RoleList> {
    const org = await this.ctx.organisation(session);
    return { session: org.name, accountId, roles: await listRoles(await this.directory(org), accountId) };
  }

  /** The account's name from the last listing, if it was listed. */
  accountName(session: string, accountId: string): string | undefined {
    return this.listings.get(session)?.accounts.find((a) => a.accountId === accountId)?.accountName;
  }

  async colourOf(accountId: string, accountName: string): Promise<string> {
    return (await this.ctx.prefs.load()).colours[accountId] ?? defaultColour(accountId, accountName);
  }

  async setFavourite(
    session: string,
    accountId: string,
    favourite: boolean,
  ): Promise<{ session: string; favourites: string[] }> {
    const org = await this.ctx.organisation(session);
    const prefs = await this.ctx.prefs.update((p) => {
      const rest = (p.favourites[org.name] ?? []).filter((id) => id !== accountId);
      return { ...p, favourites: { ...p.favourites, [org.name]: favourite ? [...rest, accountId] : rest } };
    });
    return { session: org.name, favourites: prefs.favourites[org.name] ?? [] };
  }

  async setColour(accountId: string, colour: string): Promise<{ accountId: string; colour: string }> {
    await this.ctx.prefs.update((p) => ({
      ...p,
      colours: { ...p.colours, [accountId]: colour.toLowerCase() },
    }));
    return { accountId, colour: colour.toLowerCase() };
  }
}
