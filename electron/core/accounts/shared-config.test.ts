import { mkdtemp, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { resolveEndpoint } from './endpoints';
import { organisationsOf, profileForOrganisation } from './organisations';
import { loadSharedConfig, sharedConfigPaths } from './shared-config';

const CONFIG = `# Company AWS config: do not lose this comment
[default]
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-central-1
sso_registration_scopes = sso:account:access, sso:other

[profile corp-finance]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = FinanceAnalyst
services = local-stack
# a legacy profile (sso_start_url on the profile itself)
[profile old-style]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 444455556666
sso_role_name = ReadOnly

[profile keys]
aws_access_key_id = AKIAFROMCONFIG
endpoint_url = http://127.0.0.1:9000

[profile tool]
credential_process = /usr/local/bin/get-creds

[services local-stack]
s3 =
  endpoint_url = http://127.0.0.1:4566
`;

describe('shared config files', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lakedesk-config-'));
    env = {
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'creds'),
    };
    await writeFile(env.AWS_CONFIG_FILE!, CONFIG);
    await writeFile(
      env.AWS_SHARED_CREDENTIALS_FILE!,
      '[keys]\naws_access_key_id = AKIAFROMCREDS\naws_secret_access_key = s3cr3t\n',
    );
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('honours AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and HOME', () => {
    expect(sharedConfigPaths(env)).toEqual({
      configFile: join(dir, 'config'),
      credentialsFile: join(dir, 'creds'),
    });
    expect(sharedConfigPaths({ HOME: '/home/ann' })).toEqual({
      configFile: '/home/ann/.aws/config',
      credentialsFile: '/home/ann/.aws/credentials',
    });
    expect(sharedConfigPaths({ HOME: '/h', AWS_CONFIG_FILE: '~/cfg' }).configFile).toBe('/h/cfg');
  });

  it('reads sso-sessions, legacy SSO profiles, static keys (credentials file wins) and credential_process', async () => {
    const config = await loadSharedConfig({ ...env, AWS_PROFILE: 'corp-finance' });
    expect(config.selectedProfile).toBe('corp-finance');
    expect(config.ssoSessions.get('corp')).toMatchObject({
      region: 'eu-central-1',
      scopes: ['sso:account:access', 'sso:other'],
    });
    expect(config.profiles.get('keys')!.values).toMatchObject({
      aws_access_key_id: 'AKIAFROMCREDS',
      endpoint_url: 'http://127.0.0.1:9000',
    });
    expect(config.profiles.get('tool')!.values.credential_process).toBe('/usr/local/bin/get-creds');
    const orgs = organisationsOf(config);
    expect(orgs.map((o) => [o.name, o.source, o.profiles, o.cacheKey])).toEqual([
      ['corp', 'sso-session', ['corp-finance'], 'corp'],
      ['https://legacy.awsapps.com/start', 'legacy', ['old-style'], 'https://legacy.awsapps.com/start'],
    ]);
    expect(profileForOrganisation(config, orgs[0]!)).toBe('corp-finance');
  });

  it('resolves endpoints like the AWS CLI: env per service, env global, services section, profile endpoint_url', async () => {
    const config = await loadSharedConfig(env);
    expect(resolveEndpoint(config, 'corp-finance', 's3')).toBe('http://127.0.0.1:4566');
    expect(resolveEndpoint(config, 'corp-finance', 'sts')).toBeUndefined();
    expect(resolveEndpoint(config, 'keys', 'sts')).toBe('http://127.0.0.1:9000');
    const withEnv = await loadSharedConfig({
      ...env,
      AWS_ENDPOINT_URL: 'http://global',
      AWS_ENDPOINT_URL_SSO_OIDC: 'http://oidc',
    });
    expect(resolveEndpoint(withEnv, 'corp-finance', 'sso_oidc')).toBe('http://oidc');
    expect(resolveEndpoint(withEnv, 'corp-finance', 's3')).toBe('http://global');
    const ignored = await loadSharedConfig({
      ...env,
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
      AWS_ENDPOINT_URL: 'http://global',
    });
    expect(resolveEndpoint(ignored, 'keys', 's3')).toBeUndefined();
  });

  it('names file and line of a malformed config or an incomplete sso-session', async () => {
    await writeFile(env.AWS_CONFIG_FILE!, '[default]\nregion = eu-west-1\n[profile x\n');
    await expect(loadSharedConfig(env)).rejects.toMatchObject({
      code: 'INVALID_DATA',
      message: `${join(dir, 'config')} line 3: expected "[section]" or "name = value", found "[profile x".`,
    });
    await writeFile(
      env.AWS_CONFIG_FILE!,
      '[default]\n\n[sso-session half]\nsso_start_url = https://x/start\n',
    );
    await expect(loadSharedConfig(env)).rejects.toMatchObject({
      message: `${join(dir, 'config')} line 3: [sso-session half] has no sso_region.`,
    });
    await writeFile(env.AWS_SHARED_CREDENTIALS_FILE!, 'aws_access_key_id = x\n');
    await writeFile(env.AWS_CONFIG_FILE!, CONFIG);
    await expect(loadSharedConfig(env)).rejects.toMatchObject({
      message: expect.stringContaining(`${join(dir, 'creds')} line 1`),
    });
  });

  describe('adding an organisation through the router', () => {
    let core: Core;
    beforeEach(() => {
      core = createCore({ home: join(dir, 'app'), version: '0', env });
    });
    afterEach(() => core.close());
    const caller = { frontDoor: 'cli' as const, trusted: true };

    it('appends an [sso-session], keeps every comment and byte, leaves a backup, keeps permissions', async () => {
      await chmod(env.AWS_CONFIG_FILE!, 0o640);
      const result = await core.router.call(
        'accounts.addOrganisation',
        { name: 'acme', startUrl: 'https://acme.awsapps.com/start', region: 'us-west-2' },
        caller,
      );
      expect(result).toMatchObject({
        ok: true,
        value: {
          name: 'acme',
          source: 'sso-session',
          scopes: ['sso:account:access'],
          signIn: { state: 'signedOut' },
        },
      });
      const text = await readFile(env.AWS_CONFIG_FILE!, 'utf8');
      expect(text).toBe(
        `${CONFIG}\n[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = us-west-2\nsso_registration_scopes = sso:account:access\n`,
      );
      const backups = (await readdir(dir)).filter((f) => /^config\.lakedesk-\d{8}T\d{9}Z\.bak$/.test(f));
      expect(backups).toHaveLength(1);
      expect(await readFile(join(dir, backups[0]!), 'utf8')).toBe(CONFIG);
      expect((await stat(env.AWS_CONFIG_FILE!)).mode & 0o777).toBe(0o640);
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    it('refuses a taken name or a bad region without touching the file', async () => {
      const taken = await core.router.call(
        'accounts.addOrganisation',
        { name: 'corp', startUrl: 'https://corp.awsapps.com/start', region: 'eu-central-1' },
        caller,
      );
      expect(taken).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: expect.stringContaining('already') },
      });
      const badRegion = await core.router.call(
        'accounts.addOrganisation',
        { name: 'x', startUrl: 'https://x.awsapps.com/start', region: 'Europe' },
        caller,
      );
      expect(badRegion).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: expect.stringContaining('region') },
      });
      expect(await readFile(env.AWS_CONFIG_FILE!, 'utf8')).toBe(CONFIG);
      expect((await readdir(dir)).some((f) => f.endsWith('.bak'))).toBe(false);
    });

    it('creates ~/.aws/config (owner-only) when there is none, and reports a malformed one with file and line', async () => {
      await rm(env.AWS_CONFIG_FILE!);
      const created = await core.router.call(
        'accounts.addOrganisation',
        { name: 'acme', startUrl: 'https://acme.awsapps.com/start', region: 'us-west-2' },
        caller,
      );
      expect(created.ok).toBe(true);
      expect((await stat(env.AWS_CONFIG_FILE!)).mode & 0o777).toBe(0o600);
      await writeFile(env.AWS_CONFIG_FILE!, '[default]\nbroken\n');
      expect(await core.router.call('accounts.listOrganisations', {}, caller)).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_DATA',
          message: `${join(dir, 'config')} line 2: expected "[section]" or "name = value", found "broken".`,
        },
      });
    });
  });
});
