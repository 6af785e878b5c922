import type { JobProgress } from '@shared/jobs.schema';
import { cancelledError } from '../errors';
import type { AccountInfo, Page, SsoPortalApi } from './sso-api';

export interface DirectoryOptions {
  portal: SsoPortalApi;
  /** Asked before every page, so a sign-in renewed meanwhile is used. */
  accessToken(): Promise<string>;
  signal?: AbortSignal;
  onProgress?(progress: JobProgress): void;
  pageSize?: number;
  /** Role listings in flight at once: enough to be quick, few enough not to provoke throttling. */
  concurrency?: number;
}

export interface ListedAccount extends AccountInfo {
  roles?: string[];
}

/** Follows `next` cursors until the last page. Each page is retried by the SDK on throttling. */
async function allPages<T>(
  fetch: (next?: string) => Promise<Page<T>>,
  signal?: AbortSignal,
  onPage?: (count: number) => void,
): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined;
  do {
    if (signal?.aborted) throw cancelledError();
    const page = await fetch(next);
    items.push(...page.items);
    onPage?.(items.length);
    next = page.next;
  } while (next);
  return items;
}

/** Every role the person may use in one account. */
export async function listRoles(options: DirectoryOptions, accountId: string): Promise<string[]> {
  return allPages(
    async (next) =>
      options.portal.listAccountRoles(await options.accessToken(), accountId, next, options.pageSize),
    options.signal,
  );
}

/**
 * Every account of an organisation (and, with `includeRoles`, the roles of each), reporting
 * "fetched X accounts" while paging, then "fetched roles of X of N accounts".
 */
export async function listAccounts(
  options: DirectoryOptions,
  includeRoles: boolean,
): Promise<ListedAccount[]> {
  const accounts: ListedAccount[] = await allPages(
    async (next) => options.portal.listAccounts(await options.accessToken(), next, options.pageSize),
    options.signal,
    (count) => options.onProgress?.({ done: count, unit: 'accounts', message: `Fetched ${count} accounts…` }),
  );
  if (!includeRoles) return accounts;
  let done = 0;
  const total = accounts.length;
  const queue = [...accounts];
  const worker = async () => {
    for (let account = queue.shift(); account; account = queue.shift()) {
      account.roles = await listRoles(options, account.accountId);
      done += 1;
      options.onProgress?.({
        done,
        total,
        unit: 'accounts',
        message: `Fetched roles of ${done} of ${total} accounts`,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, total) }, worker));
  return accounts;
}
