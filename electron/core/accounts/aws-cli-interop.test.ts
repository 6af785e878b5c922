import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountList } from '@shared/accounts.schema';
import { tokenCachePath } from './sso-token-cache';
import { startAwsTestBed, type AwsTestBed } from './test-aws';

const run = promisify(execFile);

/**
 * Interop with the real AWS CLI on PATH (v1.45: honours endpoint overrides, sso-session profiles
 * and the shared token cache): a sign-in made here works for `aws`, and a cache file the CLI writes
 * works here. HOME is the test's, so ~/.aws/sso/cache is a temp folder.
 */
describe('interop with the AWS CLI', () => {
  let bed: AwsTestBed;
  const aws = async (...args: string[]) => {
    const env = {
      PATH: process.env.PATH,
      HOME: bed.home,
      ...bed.emulator.env,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
    const { stdout } = await run('aws', [...args, '--output', 'json'], { env, timeout: 20_000 });
    return JSON.parse(stdout) as Record<string, string>;
  };

  beforeAll(async () => {
    try {
      await run('aws', ['--version'], { timeout: 20_000 });
    } catch (error) {
      throw new Error(
        `The AWS CLI (\`aws\`) could not be run (${(error as Error).message}). These interop tests need it on PATH ` +
          '(AWS CLI v1.45, as in the base image and on CI; see ENVIRONMENT.md, "S3 and the AWS CLI").',
        { cause: error },
      );
    }
    bed = await startAwsTestBed({ accounts: 3 });
  }, 30_000);
  afterAll(() => bed?.close());

  it('a sign-in cached by Lakedesk lets `aws sts get-caller-identity --profile P` succeed', async () => {
    await bed.signIn();
    const identity = await aws('sts', 'get-caller-identity', '--profile', 'finance-prod');
    expect(identity).toMatchObject({
      Account: '100000000000',
      Arn: expect.stringContaining(':assumed-role/AWSReservedSSO_FinanceAnalyst_'),
    });
    expect(bed.emulator.calls('sso', 'GetRoleCredentials')).toBeGreaterThan(0);
  }, 30_000);

  it('a cache file written by the CLI (its own refresh) is picked up by Lakedesk', async () => {
    const path = tokenCachePath(bed.home, 'emulator');
    const ours = JSON.parse(await readFile(path, 'utf8')) as Record<string, string>;
    // Inside the CLI's 15-minute refresh window, outside Lakedesk's 5 minutes: the CLI renews it.
    const soon = new Date(Date.now() + 10 * 60_000).toISOString().slice(0, 19) + 'Z';
    await writeFile(path, JSON.stringify({ ...ours, expiresAt: soon }));
    await aws('sts', 'get-caller-identity', '--profile', 'finance-test');
    const theirs = JSON.parse(await readFile(path, 'utf8')) as Record<string, string>;
    expect(theirs.accessToken).not.toBe(ours.accessToken);
    expect(theirs.refreshToken).not.toBe(ours.refreshToken);
    // Only the CLI's token works from now on, so Lakedesk must be using the file the CLI wrote.
    bed.emulator.store.accessTokens.get(ours.accessToken!)!.revoked = true;
    const status = await bed.call('accounts.status', { session: 'emulator' });
    expect(status).toMatchObject({ state: 'signedIn', canRefresh: true });
    expect(new Date(status.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    const job = await bed.job('accounts.listAccounts', { session: 'emulator', refresh: true });
    expect((job.result as AccountList).accounts).toHaveLength(3);
  }, 30_000);

  it('the emulator speaks STS and S3 as the CLI expects (static keys, profile endpoint_url)', async () => {
    expect(await aws('sts', 'get-caller-identity', '--profile', 'emulator-static')).toMatchObject({
      Account: '000000000000',
    });
    const buckets = await aws('s3api', 'list-buckets', '--profile', 'emulator-s3');
    expect(JSON.stringify(buckets)).toContain('lake-landing');
    expect(await bed.call('accounts.whoami', { profile: 'emulator-static' })).toEqual({
      accountId: '000000000000',
      arn: 'arn:aws:iam::000000000000:user/s3rver',
      userId: 'AIDAEMULATORS3RVER',
    });
  }, 30_000);
});
