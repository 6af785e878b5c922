import { readFile } from 'node:fs/promises';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './emulator';

/** The emulator at the wire: what the SDKs and the AWS CLI send, and the faults it injects. */
describe('AWS emulator', () => {
  let emu: Emulator;
  const post = (service: 'sso_oidc' | 'sts', path: string, body: string, type = 'application/json') =>
    fetch(`${emu.endpoints[service]}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
  const portal = (path: string, token: string) =>
    fetch(`${emu.endpoints.sso}${path}`, { headers: { 'x-amz-sso_bearer_token': token } });

  async function signInRaw(): Promise<{
    clientId: string;
    clientSecret: string;
    accessToken: string;
    refreshToken: string;
  }> {
    const client = (await (
      await post('sso_oidc', '/client/register', JSON.stringify({ clientName: 't', clientType: 'public' }))
    ).json()) as Record<string, string>;
    const start = (await (
      await post('sso_oidc', '/device_authorization', JSON.stringify({ ...client, startUrl: emu.startUrl }))
    ).json()) as Record<string, string>;
    const grant = JSON.stringify({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      grantType: 'urn:ietf:params:oauth:grant-type:device_code',
      deviceCode: start.deviceCode,
    });
    const pending = await post('sso_oidc', '/token', grant);
    expect(pending.status).toBe(400);
    expect(pending.headers.get('x-amzn-errortype')).toBe('AuthorizationPendingException');
    expect(await pending.json()).toMatchObject({ error: 'authorization_pending' });
    const tooFast = await post('sso_oidc', '/token', grant);
    expect(await tooFast.json()).toMatchObject({ error: 'slow_down' });
    expect(emu.approveDevice(start.userCode)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_000));
    const token = (await (await post('sso_oidc', '/token', grant)).json()) as Record<string, string>;
    return {
      clientId: client.clientId!,
      clientSecret: client.clientSecret!,
      accessToken: token.accessToken!,
      refreshToken: token.refreshToken!,
    };
  }

  beforeAll(async () => {
    emu = await startEmulator({ accounts: 45, pageSize: 20 });
  });
  afterAll(() => emu.stop());

  it('writes an AWS config pointing every service at loopback endpoints', async () => {
    const config = await readFile(emu.configFile, 'utf8');
    expect(config).toContain(
      '[sso-session emulator]\nsso_start_url = https://emulator.awsapps.com/start\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access',
    );
    for (const service of ['sso', 'sso_oidc', 'sts', 's3'] as const) {
      expect(emu.endpoints[service]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(config).toContain(`${service} =\n  endpoint_url = ${emu.endpoints[service]}`);
    }
    expect(config).toContain(
      '[profile finance-prod]\nsso_session = emulator\nsso_account_id = 100000000000\nsso_role_name = FinanceAnalyst',
    );
  });

  it('runs the device flow (pending, slow_down, approval), refresh with rotation, paging, role credentials, Logout', async () => {
    const t = await signInRaw();
    const first = (await (await portal('/assignment/accounts?max_result=20', t.accessToken)).json()) as {
      accountList: unknown[];
      nextToken: string;
    };
    expect(first.accountList).toHaveLength(20);
    const last = (await (
      await portal(`/assignment/accounts?max_result=20&next_token=${first.nextToken}`, t.accessToken)
    ).json()) as { nextToken?: string };
    expect(last.nextToken).toBeDefined();
    const creds = (await (
      await portal('/federation/credentials?role_name=FinanceAnalyst&account_id=100000000000', t.accessToken)
    ).json()) as { roleCredentials: Record<string, unknown> };
    expect(creds.roleCredentials).toMatchObject({
      accessKeyId: 'S3RVER',
      sessionToken: expect.any(String),
      expiration: expect.any(Number),
    });
    const refresh = JSON.stringify({
      clientId: t.clientId,
      clientSecret: t.clientSecret,
      grantType: 'refresh_token',
      refreshToken: t.refreshToken,
    });
    const renewed = (await (await post('sso_oidc', '/token', refresh)).json()) as Record<string, string>;
    expect(renewed.accessToken).not.toBe(t.accessToken);
    expect(await (await post('sso_oidc', '/token', refresh)).json()).toMatchObject({
      error: 'invalid_grant',
    });
    const out = await fetch(`${emu.endpoints.sso}/logout`, {
      method: 'POST',
      headers: { 'x-amz-sso_bearer_token': renewed.accessToken! },
    });
    expect(out.status).toBe(200);
    const after = await portal('/assignment/accounts', renewed.accessToken!);
    expect([after.status, after.headers.get('x-amzn-errortype')]).toEqual([401, 'UnauthorizedException']);
  });

  it('answers STS GetCallerIdentity in the query protocol (XML), and refuses unknown callers', async () => {
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const auth = {
      authorization:
        'AWS4-HMAC-SHA256 Credential=S3RVER/20260101/eu-west-1/sts/aws4_request, SignedHeaders=host, Signature=x',
    };
    const ok = await fetch(emu.endpoints.sts, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth },
      body,
    });
    expect(await ok.text()).toContain('<Account>000000000000</Account>');
    const bad = await fetch(emu.endpoints.sts, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...auth,
        'x-amz-security-token': 'nope',
      },
      body,
    });
    expect(bad.status).toBe(403);
    expect(await bad.text()).toContain('<Code>InvalidClientTokenId</Code>');
  });

  it('injects faults per endpoint: 429, 503 SlowDown, 500, delays and dropped connections', async () => {
    // A token as the device flow would issue it (that flow is covered above).
    const token = emu.store.issueTokens('test').access.token;
    emu.faults.add('sso', { kind: 'throttle', times: 1 });
    emu.faults.add('sso', { kind: 'slowDown', times: 1 });
    emu.faults.add('sso', { kind: 'serverError', times: 1 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await portal('/assignment/accounts', token);
      statuses.push(`${r.status} ${r.headers.get('x-amzn-errortype')}`);
    }
    expect(statuses).toEqual(['429 TooManyRequestsException', '503 SlowDown', '500 InternalServerException']);
    emu.faults.add('sso', { kind: 'delay', delayMs: 300, times: 1 });
    const started = Date.now();
    expect((await portal('/assignment/accounts', token)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    emu.faults.add('sso', { kind: 'drop', times: 1 });
    await expect(portal('/assignment/accounts', token)).rejects.toThrow();
    // The SDK retries all of these by itself.
    emu.faults.add('sso', { kind: 'throttle', times: 2 });
    emu.faults.add('sso', { kind: 'drop', times: 1 });
    const sdk = new SSOClient({ region: 'eu-west-1', endpoint: emu.endpoints.sso, maxAttempts: 5 });
    expect((await sdk.send(new ListAccountsCommand({ accessToken: token }))).accountList).toHaveLength(20);
    expect(emu.faults.count('sso', 'throttle')).toBe(3);
  });

  it('serves S3 through s3rver with role credentials, and refuses them once expired', async () => {
    const token = emu.store.issueTokens('test').access.token;
    const creds = (await (
      await portal('/federation/credentials?role_name=FinanceAnalyst&account_id=100000000000', token)
    ).json()) as {
      roleCredentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
    };
    const s3 = new S3Client({
      region: 'eu-west-1',
      endpoint: emu.endpoints.s3,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: {
        accessKeyId: creds.roleCredentials.accessKeyId,
        secretAccessKey: creds.roleCredentials.secretAccessKey,
        sessionToken: creds.roleCredentials.sessionToken,
      },
    });
    await s3.send(
      new PutObjectCommand({ Bucket: 'lake-landing', Key: 'billing/2026-01.csv', Body: 'id,amount\n1,2\n' }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: 'lake-landing', Key: 'billing/2026-01.csv' }));
    expect(await got.Body!.transformToString()).toBe('id,amount\n1,2\n');
    emu.faults.expireTokens();
    await expect(
      s3.send(new GetObjectCommand({ Bucket: 'lake-landing', Key: 'billing/2026-01.csv' })),
    ).rejects.toMatchObject({ name: 'ExpiredToken' });
  });
});
