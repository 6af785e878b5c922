import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AccountSummary, Organisation } from '@shared/accounts.schema';
import type { LakeErrorShape } from '@shared/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Layout';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount, formatRelative } from '../../lib/format';
import { useLake } from '../../lib/LakeProvider';
import { toErrorShape } from '../../lib/lake-error';
import { useJobRunner } from '../../lib/useJobRunner';
import { filterAccounts, sortAccounts } from './account-filter';
import { AccountRow } from './AccountRow';
import { OpenWorkspaceForm } from './OpenWorkspaceForm';

/** Rows drawn at once; a search narrows a bigger organisation down. */
const RENDER_LIMIT = 400;

/** The accounts of a signed-in organisation: search, favourites, colours, and the one to open. */
export function AccountBrowser({ organisation }: { organisation: Organisation }) {
  const lake = useLake();
  const listing = useJobRunner('accounts.listAccounts');
  const { run } = listing;
  const session = organisation.name;
  const [accounts, setAccounts] = useState<AccountSummary[]>();
  const [fetchedAt, setFetchedAt] = useState<string>();
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const [error, setError] = useState<LakeErrorShape>();

  const load = useCallback(
    (refresh: boolean) => {
      void run({ session, refresh }).then((list) => {
        if (!list) return;
        setAccounts(list.accounts);
        setFetchedAt(list.fetchedAt);
      });
    },
    [run, session],
  );
  useEffect(() => load(false), [load]);

  const shown = useMemo(() => filterAccounts(accounts ?? [], query), [accounts, query]);
  const selected = accounts?.find((a) => a.accountId === selectedId);
  const favourites = accounts?.filter((a) => a.favourite).length ?? 0;

  const update = async (accountId: string, change: Partial<AccountSummary>, save: () => Promise<unknown>) => {
    const before = accounts;
    setError(undefined);
    setAccounts(
      (list) => list && sortAccounts(list.map((a) => (a.accountId === accountId ? { ...a, ...change } : a))),
    );
    try {
      await save();
    } catch (e) {
      setAccounts(before);
      setError(toErrorShape(e));
    }
  };
  const setFavourite = (a: AccountSummary) =>
    update(a.accountId, { favourite: !a.favourite }, () =>
      lake.call('accounts.setFavourite', { session, accountId: a.accountId, favourite: !a.favourite }),
    );
  const setColour = (a: AccountSummary, colour: string) =>
    update(a.accountId, { colour }, () =>
      lake.call('accounts.setColour', { accountId: a.accountId, colour }),
    );

  return (
    <div className="account-browser" data-testid="account-browser">
      <div className="account-toolbar">
        <div className="search-field">
          <Icon name="search" size={15} className="muted" />
          <input
            className="input grow"
            type="search"
            placeholder="Search accounts by name, id or e-mail"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-label="Search accounts"
            data-testid="account-search"
          />
        </div>
        <span className="account-count muted" data-testid="account-count">
          {accounts
            ? `${query ? `${formatCount(shown.length)} of ` : ''}${formatCount(accounts.length)} accounts` +
              (favourites ? ` · ${favourites} favourite${favourites === 1 ? '' : 's'}` : '')
            : ''}
        </span>
        <span className="spacer" />
        {fetchedAt && <span className="muted small-text">Listed {formatRelative(fetchedAt)}</span>}
        <button
          type="button"
          className="button small"
          onClick={() => load(true)}
          disabled={listing.state === 'running'}
          data-testid="account-refresh"
        >
          <Icon name="refresh" size={14} />
          Refresh
        </button>
      </div>
      {listing.state === 'running' && (
        <div className="account-progress" data-testid="account-progress">
          <ProgressBar progress={listing.progress} label="Listing accounts" />
        </div>
      )}
      {listing.error && <ErrorBanner error={listing.error} onRetry={() => load(true)} />}
      {error && <ErrorBanner error={error} compact onDismiss={() => setError(undefined)} />}
      <div className="account-split">
        <div className="account-list-box">
          {!accounts ? (
            listing.state === 'running' ? (
              <Loading label="Listing the accounts you may use…" />
            ) : null
          ) : shown.length === 0 ? (
            <p className="muted account-none">No account matches “{query}”.</p>
          ) : (
            <ul className="account-list" aria-label={`Accounts of ${session}`} data-testid="account-list">
              {shown.slice(0, RENDER_LIMIT).map((a) => (
                <AccountRow
                  key={a.accountId}
                  account={a}
                  isSelected={a.accountId === selectedId}
                  onSelect={() => setSelectedId(a.accountId)}
                  onFavourite={() => void setFavourite(a)}
                  onColour={(colour) => void setColour(a, colour)}
                />
              ))}
              {shown.length > RENDER_LIMIT && (
                <li className="account-more muted">
                  {formatCount(shown.length - RENDER_LIMIT)} more — search to narrow the list.
                </li>
              )}
            </ul>
          )}
        </div>
        <div className="account-detail">
          {selected ? (
            <OpenWorkspaceForm key={selected.accountId} organisation={organisation} account={selected} />
          ) : (
            <div className="account-detail-empty muted">
              <Icon name="accounts" size={22} />
              <p>Choose an account to see the roles you may use in it, then a region to work in.</p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
