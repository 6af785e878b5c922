import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationCachePath, tokenCachePath } from './sso-token-cache';
import { startAwsTestBed, type AwsTestBed } from './test-aws';

describe('SSO sign-in against the emulator', () => {
  let bed: AwsTestBed;
  const cacheFile = () => tokenCachePath(bed.home, bed.emulator.sessionName);
  const readCache = async () => JSON.parse(await readFile(cacheFile(), 'utf8')) as Record<string, string>;

  beforeAll(async () => {
    bed = await startAwsTestBed({ accounts: 3 });
  });
  afterAll(() => bed.close());

  it('lists the organisation from the config as signed out', async () => {
    const { organisations } = await bed.call('accounts.listOrganisations', {});
    expect(organisations).toEqual([
      expect.objectContaining({
        name: 'emulator',
        startUrl: bed.emulator.startUrl,
        region: 'eu-west-1',
        source: 'sso-session',
        scopes: ['sso:account:access'],
        signIn: { session: 'emulator', state: 'signedOut', canRefresh: false },
      }),
    ]);
  });

  it('first sign-in: shows the code while pending, then caches the token exactly like AWS CLI v2', async () => {
    const seen: Array<{
      state: string;
      pending?: { userCode: string; verificationUri: string; jobId: string };
    }> = [];
    const stop = bed.core.services.events.subscribe(
      (topic, payload) => topic === 'accounts.sessionChanged' && seen.push(payload as never),
    );
    const result = await bed.signIn();
    stop();
    const pending = seen.find((s) => s.state === 'pending')!.pending!;
    expect(pending.verificationUri).toBe(`${bed.emulator.endpoints.sso_oidc}/device`);
    expect(pending.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(seen.at(-1)).toMatchObject({ state: 'signedIn', canRefresh: true });

    const cache = await readCache();
    expect(Object.keys(cache)).toEqual([
      'startUrl',
      'region',
      'accessToken',
      'expiresAt',
      'clientId',
      'clientSecret',
      'registrationExpiresAt',
      'refreshToken',
    ]);
    expect(cache.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(cache).toMatchObject({ startUrl: bed.emulator.startUrl, region: 'eu-west-1' });
    expect(bed.emulator.store.validAccessToken(cache.accessToken)).toBeDefined();
    expect((await stat(cacheFile())).mode & 0o777).toBe(0o600);
    expect(new Date(result.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3_500_000);

    const status = await bed.call('accounts.status', { session: 'emulator' });
    expect(status).toMatchObject({
      state: 'signedIn',
      canRefresh: true,
      expiresAt: new Date(`${cache.expiresAt}`).toISOString(),
    });
    expect(status).not.toHaveProperty('pending');
  });

  it('reuses the cached client registration on the next sign-in, and honours slow_down', async () => {
    const registration = registrationCachePath(bed.home, {
      startUrl: bed.emulator.startUrl,
      region: 'eu-west-1',
      scopes: ['sso:account:access'],
      sessionName: 'emulator',
    });
    expect(JSON.parse(await readFile(registration, 'utf8'))).toMatchObject({
      clientId: expect.any(String),
      expiresAt: expect.stringMatching(/Z$/),
    });
    const registered = bed.emulator.calls('sso_oidc', 'RegisterClient');
    bed.emulator.faults.add('sso_oidc', {
      kind: 'error',
      operations: ['CreateToken'],
      times: 2,
      status: 400,
      code: 'SlowDownException',
    });
    const polls = bed.emulator.calls('sso_oidc', 'CreateToken');
    const started = Date.now();
    await bed.signIn();
    expect(bed.emulator.calls('sso_oidc', 'RegisterClient')).toBe(registered);
    expect(bed.emulator.calls('sso_oidc', 'CreateToken') - polls).toBeGreaterThanOrEqual(3);
    // Two slow_downs add 50 ms each to the 100 ms interval: at least 100 + 150 + 200 ms of waiting.
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('refreshes with the refresh token before expiry and writes the cache back', async () => {
    const before = await readCache();
    await writeFile(
      cacheFile(),
      JSON.stringify({
        ...before,
        expiresAt: new Date(Date.now() + 60_000).toISOString().slice(0, 19) + 'Z',
      }),
    );
    const refreshes = bed.emulator.calls('sso_oidc', 'CreateToken');
    const list = await bed.job('accounts.listAccounts', { session: 'emulator' });
    expect(list.state).toBe('succeeded');
    const after = await readCache();
    expect(bed.emulator.calls('sso_oidc', 'CreateToken')).toBe(refreshes + 1);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(new Date(after.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    expect(after.clientId).toBe(before.clientId);
  });

  it('fails a sign-in whose code expires before approval, with a hint', async () => {
    bed.emulator.faults.setLifetimes({ deviceCodeSeconds: 1 });
    try {
      const job = await bed.job('accounts.signIn', { session: 'emulator' });
      expect(job).toMatchObject({
        state: 'failed',
        error: {
          code: 'SIGN_IN_REQUIRED',
          message: expect.stringContaining('expired before it was approved'),
        },
      });
      expect(job.error?.hint).toContain('lakedesk sso login --session emulator');
      expect((await bed.call('accounts.status', { session: 'emulator' })).state).toBe('signedIn');
    } finally {
      bed.emulator.faults.setLifetimes({ deviceCodeSeconds: 600 });
    }
  });

  it('signs in a legacy profile (sso_start_url on the profile), cached under sha1 of the start URL', async () => {
    const legacyUrl = 'https://legacy.awsapps.com/start';
    await appendFile(
      bed.emulator.configFile,
      `\n[profile legacy]\nsso_start_url = ${legacyUrl}\nsso_region = eu-west-1\nsso_account_id = 100000007919\n` +
        'sso_role_name = FinanceAnalyst\nregion = eu-west-1\nservices = lakedesk-emulator\n',
    );
    const { organisations } = await bed.call('accounts.listOrganisations', {});
    expect(organisations.map((o) => [o.name, o.source, o.profiles])).toContainEqual([
      legacyUrl,
      'legacy',
      ['legacy'],
    ]);
    await bed.signIn(legacyUrl);
    expect(JSON.parse(await readFile(tokenCachePath(bed.home, legacyUrl), 'utf8'))).toMatchObject({
      startUrl: legacyUrl,
    });
    expect(await bed.call('accounts.whoami', { profile: 'legacy' })).toMatchObject({
      accountId: '100000007919',
    });
  });

  it('sign-out calls Logout, removes the cached token, and later work asks for a sign-in', async () => {
    const { accessToken } = await readCache();
    const status = await bed.call('accounts.signOut', { session: 'emulator' });
    expect(status).toMatchObject({ state: 'signedOut' });
    expect(bed.emulator.calls('sso', 'Logout')).toBe(1);
    expect(bed.emulator.store.validAccessToken(accessToken)).toBeUndefined();
    await expect(stat(cacheFile())).rejects.toMatchObject({ code: 'ENOENT' });
    const job = await bed.job('accounts.listAccounts', { session: 'emulator', refresh: true });
    expect(job).toMatchObject({ state: 'failed', error: { code: 'SIGN_IN_REQUIRED' } });
  });
});
