import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
} from '@aws-sdk/client-sso';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';
import { LakeError } from '@shared/errors';
import { createSsoClient, createSsoOidcClient, type ClientTarget } from '../aws-clients';
import { signInRequiredError, toAwsLakeError } from '../aws-call-errors';
import type {
  AccountInfo,
  DeviceAuthorization,
  DevicePoll,
  Page,
  Registration,
  SsoOidcApi,
  SsoPortalApi,
  TokenGrant,
} from './sso-api';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

function nameOf(error: unknown): string {
  return (error as { name?: string } | null)?.name ?? '';
}

/** Wraps a call so failures come out as LakeErrors naming the operation and the organisation. */
async function guarded<T>(
  call: string,
  organisation: string,
  endpoint: string | undefined,
  body: () => Promise<T>,
): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw toAwsLakeError(error, call, organisation, endpoint);
  }
}

function grantOf(output: { accessToken?: string; expiresIn?: number; refreshToken?: string }): TokenGrant {
  if (!output.accessToken) throw new LakeError('AWS_ERROR', 'CreateToken answered without an access token.');
  return {
    accessToken: output.accessToken,
    expiresInSeconds: output.expiresIn ?? 3600,
    ...(output.refreshToken ? { refreshToken: output.refreshToken } : {}),
  };
}

async function register(client: SSOOIDCClient, clientName: string, scopes: string[]): Promise<Registration> {
  const out = await client.send(
    new RegisterClientCommand({ clientName, clientType: 'public', ...(scopes.length ? { scopes } : {}) }),
  );
  if (!out.clientId || !out.clientSecret)
    throw new LakeError('AWS_ERROR', 'RegisterClient answered without a client.');
  const expiresAt = new Date((out.clientSecretExpiresAt ?? Date.now() / 1000 + 90 * 86400) * 1000);
  return {
    clientId: out.clientId,
    clientSecret: out.clientSecret,
    expiresAt,
    ...(scopes.length ? { scopes } : {}),
  };
}

async function startDevice(
  client: SSOOIDCClient,
  reg: Registration,
  startUrl: string,
): Promise<DeviceAuthorization> {
  const out = await client.send(
    new StartDeviceAuthorizationCommand({ clientId: reg.clientId, clientSecret: reg.clientSecret, startUrl }),
  );
  if (!out.deviceCode || !out.userCode || !out.verificationUri) {
    throw new LakeError('AWS_ERROR', 'StartDeviceAuthorization answered without a device code.');
  }
  return {
    deviceCode: out.deviceCode,
    userCode: out.userCode,
    verificationUri: out.verificationUri,
    ...(out.verificationUriComplete ? { verificationUriComplete: out.verificationUriComplete } : {}),
    expiresInSeconds: out.expiresIn ?? 600,
    ...(out.interval !== undefined ? { intervalSeconds: out.interval } : {}),
  };
}

/** One CreateToken poll: pending and slow_down are answers, not failures. */
async function poll(
  client: SSOOIDCClient,
  reg: Registration,
  deviceCode: string,
  organisation: string,
  endpoint?: string,
): Promise<DevicePoll> {
  try {
    const out = await client.send(
      new CreateTokenCommand({
        clientId: reg.clientId,
        clientSecret: reg.clientSecret,
        grantType: DEVICE_GRANT,
        deviceCode,
      }),
    );
    return { state: 'granted', grant: grantOf(out) };
  } catch (error) {
    const name = nameOf(error);
    if (name === 'AuthorizationPendingException') return { state: 'pending' };
    if (name === 'SlowDownException') return { state: 'slowDown' };
    if (name === 'ExpiredTokenException')
      throw signInRequiredError(organisation, 'code expired before it was approved');
    if (name === 'AccessDeniedException')
      throw signInRequiredError(organisation, 'was denied in the browser', 'rejected');
    throw toAwsLakeError(error, 'SSO OIDC CreateToken', undefined, endpoint);
  }
}

/** IAM Identity Center OIDC over the SDK. `organisation` is used in error messages. */
export function createSsoOidcApi(target: ClientTarget, organisation: string): SsoOidcApi {
  const client = createSsoOidcClient(target);
  const run = <T>(call: string, body: () => Promise<T>) =>
    guarded(`SSO OIDC ${call}`, organisation, target.endpoint, body);
  return {
    registerClient: (clientName, scopes) => run('RegisterClient', () => register(client, clientName, scopes)),
    startDeviceAuthorization: (reg, startUrl) =>
      run('StartDeviceAuthorization', () => startDevice(client, reg, startUrl)),
    pollDeviceToken: (reg, deviceCode) => poll(client, reg, deviceCode, organisation, target.endpoint),
    refresh: (reg, refreshToken) =>
      run('CreateToken (refresh)', async () => {
        const command = new CreateTokenCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          grantType: 'refresh_token',
          refreshToken,
        });
        return grantOf(await client.send(command));
      }),
  };
}

/** The SSO portal over the SDK. */
export function createSsoPortalApi(target: ClientTarget, organisation: string): SsoPortalApi {
  const client = createSsoClient(target);
  const run = <T>(call: string, body: () => Promise<T>) =>
    guarded(`SSO ${call}`, organisation, target.endpoint, body);
  return {
    listAccounts: (accessToken, next, pageSize) =>
      run('ListAccounts', async (): Promise<Page<AccountInfo>> => {
        const out = await client.send(
          new ListAccountsCommand({ accessToken, nextToken: next, maxResults: pageSize }),
        );
        const items = (out.accountList ?? []).flatMap((a) =>
          a.accountId
            ? [
                {
                  accountId: a.accountId,
                  accountName: a.accountName ?? a.accountId,
                  ...(a.emailAddress ? { emailAddress: a.emailAddress } : {}),
                },
              ]
            : [],
        );
        return { items, ...(out.nextToken ? { next: out.nextToken } : {}) };
      }),
    listAccountRoles: (accessToken, accountId, next, pageSize) =>
      run('ListAccountRoles', async () => {
        const out = await client.send(
          new ListAccountRolesCommand({ accessToken, accountId, nextToken: next, maxResults: pageSize }),
        );
        const items = (out.roleList ?? []).flatMap((r) => (r.roleName ? [r.roleName] : []));
        return { items, ...(out.nextToken ? { next: out.nextToken } : {}) };
      }),
    getRoleCredentials: (accessToken, accountId, roleName) =>
      run('GetRoleCredentials', async () => {
        const out = await client.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
        const c = out.roleCredentials;
        if (!c?.accessKeyId || !c.secretAccessKey)
          throw new LakeError('AWS_ERROR', 'GetRoleCredentials answered without credentials.');
        return {
          accessKeyId: c.accessKeyId,
          secretAccessKey: c.secretAccessKey,
          ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
          expiration: new Date(c.expiration ?? Date.now() + 3600_000),
        };
      }),
    logout: (accessToken) =>
      run('Logout', async () => void (await client.send(new LogoutCommand({ accessToken })))),
  };
}
