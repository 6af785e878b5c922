import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '@shared/jobs.schema';
import type { AccountList } from '@shared/accounts.schema';
import { startAwsTestBed, type AwsTestBed } from './test-aws';

describe('accounts and roles of an organisation (200 accounts)', () => {
  let bed: AwsTestBed;

  beforeAll(async () => {
    bed = await startAwsTestBed({ accounts: 200, s3: false });
    await bed.signIn();
  });
  afterAll(() => bed.close());

  it('pages through 200 accounts and their roles through a 429 storm, with "fetched X of N" progress', async () => {
    const { faults } = bed.emulator;
    faults.add('sso', { kind: 'throttle', operations: ['ListAccounts', 'ListAccountRoles'], rate: 0.35 });
    faults.add('sso', { kind: 'slowDown', operations: ['ListAccountRoles'], rate: 0.05 });
    faults.add('sso', { kind: 'serverError', operations: ['ListAccountRoles'], times: 3 });
    faults.add('sso', { kind: 'drop', operations: ['ListAccounts'], times: 1 });
    const progress: JobProgress[] = [];
    const stop = bed.core.services.events.subscribe((topic, payload) => {
      if (topic === 'jobs.changed') progress.push((payload as { progress: JobProgress }).progress);
    });
    const started = Date.now();
    const job = await bed.job('accounts.listAccounts', { session: 'emulator', includeRoles: true });
    stop();
    faults.clear('sso');
    expect(job.error).toBeUndefined();
    const list = job.result as AccountList;
    expect(list.accounts).toHaveLength(200);
    expect(new Set(list.accounts.map((a) => a.accountId)).size).toBe(200);
    expect(list.accounts.every((a) => (a.roles ?? []).length > 0)).toBe(true);
    const prod = list.accounts.find((a) => a.accountName === 'finance-prod')!;
    expect(prod).toMatchObject({
      accountId: '100000000000',
      roles: ['FinanceAnalyst', 'ReadOnly'],
      colour: '#c62828',
      favourite: false,
    });
    expect(list.accounts.find((a) => a.accountName === 'finance-test')!.colour).toBe('#2e7d32');
    // The storm really happened, and was ridden out by jittered backoff.
    expect(faults.count('sso', 'throttle')).toBeGreaterThan(40);
    expect(bed.emulator.calls('sso', 'ListAccounts')).toBeGreaterThan(10);
    // Progress events are throttled to one per 100 ms, so only some of the steps are seen.
    expect(progress.some((p) => /^Fetched \d+ accounts…$/.test(p.message ?? ''))).toBe(true);
    expect(progress.at(-1)).toMatchObject({
      done: 200,
      total: 200,
      message: 'Fetched roles of 200 of 200 accounts',
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('serves the listing from memory, favourites first, and keeps favourites and colours', async () => {
    const calls = bed.emulator.calls('sso', 'ListAccounts');
    await bed.call('accounts.setFavourite', {
      session: 'emulator',
      accountId: '100000118785',
      favourite: true,
    });
    await bed.call('accounts.setColour', { accountId: '100000000000', colour: '#AA00AA' });
    const job = await bed.job('accounts.listAccounts', { session: 'emulator' });
    const list = job.result as AccountList;
    expect(bed.emulator.calls('sso', 'ListAccounts')).toBe(calls);
    expect(list.accounts[0]).toMatchObject({ accountId: '100000118785', favourite: true });
    expect(list.accounts.find((a) => a.accountId === '100000000000')!.colour).toBe('#aa00aa');
    expect(list.accounts[1]).not.toHaveProperty('roles');
    const off = await bed.call('accounts.setFavourite', {
      session: 'emulator',
      accountId: '100000118785',
      favourite: false,
    });
    expect(off.favourites).toEqual([]);
  });

  it('lists the roles of one account, and says when throttling outlasts the retries', async () => {
    expect(await bed.call('accounts.listRoles', { session: 'emulator', accountId: '100000007919' })).toEqual({
      session: 'emulator',
      accountId: '100000007919',
      roles: ['FinanceAnalyst'],
    });
    bed.emulator.faults.add('sso', { kind: 'throttle', operations: ['ListAccountRoles'] });
    try {
      await expect(
        bed.call('accounts.listRoles', { session: 'emulator', accountId: '100000007919' }),
      ).rejects.toMatchObject({
        code: 'AWS_ERROR',
        message: expect.stringContaining('SSO ListAccountRoles was throttled'),
      });
    } finally {
      bed.emulator.faults.clear('sso');
    }
  });

  it('opens two AWS workspaces side by side, each labelled and with its own identity', async () => {
    const prod = await bed.call('accounts.openWorkspace', {
      session: 'emulator',
      accountId: '100000000000',
      roleName: 'FinanceAnalyst',
      region: 'eu-west-1',
    });
    const test = await bed.call('accounts.openWorkspace', {
      session: 'emulator',
      accountId: '100000007919',
      roleName: 'FinanceAnalyst',
      region: 'eu-central-1',
    });
    expect(prod).toMatchObject({
      kind: 'aws',
      path: '',
      name: 'finance-prod · FinanceAnalyst · eu-west-1',
      aws: {
        accountName: 'finance-prod',
        colour: '#aa00aa',
        ssoSession: 'emulator',
        profile: 'finance-prod',
      },
    });
    expect(test).toMatchObject({
      kind: 'aws',
      aws: { accountName: 'finance-test', colour: '#2e7d32', region: 'eu-central-1' },
    });
    const listed = await bed.call('workspaces.list', {});
    expect(listed.activeId).toBe(test.id);
    expect(listed.workspaces.map((w) => w.id)).toEqual(expect.arrayContaining([prod.id, test.id]));
    expect(await bed.call('accounts.whoami', {})).toMatchObject({
      accountId: '100000007919',
      arn: expect.stringContaining('assumed-role/AWSReservedSSO_FinanceAnalyst'),
    });
    expect(await bed.call('accounts.whoami', { workspaceId: prod.id })).toMatchObject({
      accountId: '100000000000',
    });
    await expect(bed.call('catalog.listTables', {})).rejects.toMatchObject({
      code: 'NO_WORKSPACE',
      message: expect.stringContaining('AWS account'),
    });
    expect(await bed.call('workspaces.activate', { id: prod.id })).toMatchObject({
      id: prod.id,
      kind: 'aws',
    });
    // A new colour reaches workspaces already open, not only the next one opened.
    await bed.call('accounts.setColour', { accountId: '100000007919', colour: '#123456' });
    const recoloured = (await bed.call('workspaces.list', {})).workspaces.find((w) => w.id === test.id);
    expect(recoloured?.aws?.colour).toBe('#123456');
  });

  it('refuses a role the person does not have, with a hint', async () => {
    await expect(
      bed.call('accounts.openWorkspace', {
        session: 'emulator',
        accountId: '100000007919',
        roleName: 'AdministratorAccess',
        region: 'eu-west-1',
      }),
    ).rejects.toMatchObject({
      code: 'AWS_ERROR',
      message: expect.stringContaining('GetRoleCredentials was refused'),
      hint: expect.stringContaining('another role'),
    });
  });
});
