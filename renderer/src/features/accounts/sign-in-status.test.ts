import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '@shared/accounts.schema';
import { filterAccounts, sortAccounts } from './account-filter';
import { describeSignIn, formatRemaining, suggestSessionName } from './sign-in-status';

const now = Date.parse('2025-01-01T12:00:00Z');
const at = (ms: number) => new Date(now + ms).toISOString();

describe('the sign-in countdown', () => {
  it('reads in hours, then minutes and seconds', () => {
    expect(formatRemaining(8 * 3600_000 - 60_000)).toBe('7 h 59 min');
    expect(formatRemaining(12 * 60_000 + 5_000)).toBe('12 min 05 s');
    expect(formatRemaining(42_400)).toBe('42 s');
    expect(formatRemaining(-5)).toBe('0 s');
  });

  it('says whether the sign-in renews by itself', () => {
    const view = describeSignIn(
      { session: 'acme', state: 'signedIn', expiresAt: at(3600_000), canRefresh: true },
      now,
    );
    expect(view).toMatchObject({ state: 'signedIn', tone: 'ok', label: 'Signed in' });
    expect(view.detail).toBe('1 h 00 min left · renews automatically');
  });

  it('warns when a sign-in that cannot renew ends soon', () => {
    const view = describeSignIn(
      { session: 'acme', state: 'signedIn', expiresAt: at(5 * 60_000), canRefresh: false },
      now,
    );
    expect(view.tone).toBe('warn');
    expect(view.detail).toContain('then sign in again');
  });

  it('turns to expired when the time is up, even before an event says so', () => {
    const view = describeSignIn(
      { session: 'acme', state: 'signedIn', expiresAt: at(-1), canRefresh: false },
      now,
    );
    expect(view).toMatchObject({ state: 'expired', tone: 'danger' });
  });

  it('names pending and signed-out states', () => {
    expect(describeSignIn({ session: 'a', state: 'signedOut', canRefresh: false }, now).label).toBe(
      'Not signed in',
    );
    expect(describeSignIn({ session: 'a', state: 'pending', canRefresh: false }, now).label).toBe(
      'Waiting for approval',
    );
  });
});

describe('adding an organisation', () => {
  it('suggests a session name from the start URL', () => {
    expect(suggestSessionName('https://acme-finance.awsapps.com/start')).toBe('acme-finance');
    expect(suggestSessionName('not a url')).toBe('');
  });
});

describe('the account list', () => {
  const account = (accountName: string, favourite = false): AccountSummary => ({
    accountId: String(100000000000 + accountName.length),
    accountName,
    emailAddress: `aws+${accountName}@example.com`,
    favourite,
    colour: '#1565c0',
  });
  const list = [account('finance-prod'), account('finance-test'), account('team-005-prod')];

  it('matches every word against name, id and e-mail', () => {
    expect(filterAccounts(list, 'finance').map((a) => a.accountName)).toEqual([
      'finance-prod',
      'finance-test',
    ]);
    expect(filterAccounts(list, 'PROD team').map((a) => a.accountName)).toEqual(['team-005-prod']);
    expect(filterAccounts(list, '  ')).toBe(list);
  });

  it('puts favourites first, then sorts by name', () => {
    const sorted = sortAccounts([account('b'), account('c', true), account('a')]);
    expect(sorted.map((a) => a.accountName)).toEqual(['c', 'a', 'b']);
  });
});
