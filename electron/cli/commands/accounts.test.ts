import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../../../e2e/emulator/emulator';
import { registerAccountsCommand } from './accounts';
import { registerSsoCommand } from './sso';
import { registerWhoamiCommand } from './whoami';

/** Runs `lakedesk …` in-process; returns exit code, stdout and stderr. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command('lakedesk').exitOverride();
  registerAccountsCommand(program);
  registerSsoCommand(program);
  registerWhoamiCommand(program);
  let out = '';
  let err = '';
  const write = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((out += String(chunk)), true));
  const errWrite = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    process.exitCode = 0;
    await program.parseAsync(['node', 'lakedesk', ...args]);
    return { code: Number(process.exitCode ?? 0), out, err };
  } finally {
    write.mockRestore();
    errWrite.mockRestore();
    process.exitCode = 0;
  }
}

describe('lakedesk accounts / sso / whoami against the emulator', () => {
  let emulator: Emulator;
  let home: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    emulator = await startEmulator({ accounts: 4, s3: false, lifetimes: { pollIntervalSeconds: 0 } });
    home = await mkdtemp(join(tmpdir(), 'lakedesk-cli-aws-'));
    // This file runs in its own worker: the CLI reads process.env like it does in a shell.
    Object.assign(process.env, emulator.env, { HOME: home, LAKEDESK_HOME: join(home, 'app') });
    delete process.env.AWS_PROFILE;
  });
  afterAll(async () => {
    process.env = saved;
    await emulator.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('sso login prints the URL and code to stderr, waits for approval, exits 0', async () => {
    const approve = emulator.waitForUserCode().then((code) => emulator.approveDevice(code));
    const { code, out, err } = await run('sso', 'login', '--session', 'emulator');
    await approve;
    expect(code).toBe(0);
    expect(err).toContain(`${emulator.endpoints.sso_oidc}/device?user_code=`);
    expect(err).toMatch(/code: [A-Z]{4}-[A-Z]{4}/);
    expect(out).toMatch(/^Signed in to emulator until \d{4}-/);
  });

  it('accounts list --json prints exactly one JSON document; the session defaults to the only one', async () => {
    const { code, out } = await run('accounts', 'list', '--json', '--roles');
    expect(code).toBe(0);
    const list = JSON.parse(out) as {
      session: string;
      accounts: Array<{ accountId: string; roles: string[] }>;
    };
    expect(list.session).toBe('emulator');
    expect(list.accounts.map((a) => a.accountId).sort()).toEqual(
      emulator.accounts.map((a) => a.accountId).sort(),
    );
    expect(list.accounts.every((a) => a.roles.length > 0)).toBe(true);
    const table = await run('accounts', 'list', '--session', 'emulator');
    expect(table.out.split('\n')[0]).toMatch(/ACCOUNT ID\s+NAME\s+EMAIL/);
    expect(table.out).toContain('finance-prod');
  });

  it('whoami --profile works for an SSO profile and a static-key profile', async () => {
    const sso = await run('whoami', '--profile', 'finance-test', '--json');
    expect(sso.code).toBe(0);
    expect(JSON.parse(sso.out)).toMatchObject({
      accountId: '100000007919',
      arn: expect.stringContaining('assumed-role'),
    });
    const keys = await run('whoami', '--profile', 'emulator-static');
    expect(keys.out).toContain('Account  000000000000');
  });

  it('exits 2 with a hint for an unknown organisation or profile', async () => {
    const org = await run('accounts', 'list', '--session', 'nope', '--json');
    expect(org.code).toBe(2);
    expect(JSON.parse(org.out)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('"nope"') },
    });
    const profile = await run('whoami', '--profile', 'nope');
    expect(profile.code).toBe(2);
    expect(profile.err).toContain('No profile "nope"');
  });

  it('sso logout signs out; whoami then says to sign in again (exit 2)', async () => {
    expect((await run('sso', 'logout', '--session', 'emulator')).code).toBe(0);
    const after = await run('whoami', '--profile', 'finance-prod');
    expect(after.code).toBe(2);
    expect(after.err).toContain('hint: Sign in again');
    expect(after.err).toContain('lakedesk sso login --session emulator');
  });
});
