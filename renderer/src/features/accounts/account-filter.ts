import type { AccountSummary } from '@shared/accounts.schema';

/**
 * Accounts matching every word of `query` in their name, id or e-mail (case-insensitive), in the
 * listing's order (favourites first, then by name).
 */
export function filterAccounts(accounts: AccountSummary[], query: string): AccountSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return accounts;
  return accounts.filter((a) => {
    const text = `${a.accountName} ${a.accountId} ${a.emailAddress ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Favourites first, then by name: the order the core lists them in, kept after a local change. */
export function sortAccounts(accounts: AccountSummary[]): AccountSummary[] {
  return [...accounts].sort(
    (a, b) => Number(b.favourite) - Number(a.favourite) || a.accountName.localeCompare(b.accountName),
  );
}
