import type { IdentityStore } from './identity-store';
import { json, restJson, ServiceError, type EmulatorRequest } from './protocols';
import type { ServiceDefinition } from './service-server';

function requireToken(store: IdentityStore, req: EmulatorRequest) {
  const header = req.headers['x-amz-sso_bearer_token'];
  const token = store.validAccessToken(Array.isArray(header) ? header[0] : header);
  if (!token) throw new ServiceError(401, 'UnauthorizedException', 'Session token not found or invalid');
  return token;
}

/** A page of `items` from the `next_token` offset, `max_result` long (default `pageSize`). */
function paged<T>(items: T[], req: EmulatorRequest, pageSize: number): { items: T[]; nextToken?: string } {
  const start = Number(Buffer.from(req.query.get('next_token') ?? '', 'base64url').toString() || '0');
  const size = Math.min(Number(req.query.get('max_result') ?? pageSize) || pageSize, 1000);
  const end = start + size;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { nextToken: Buffer.from(String(end)).toString('base64url') } : {}),
  };
}

function accountOf(store: IdentityStore, accountId: string | null) {
  const account = store.accounts.find((a) => a.accountId === accountId);
  if (!account) throw new ServiceError(404, 'ResourceNotFoundException', `Account ${accountId} not found`);
  return account;
}

/** The SSO portal (rest-json with the `x-amz-sso_bearer_token` header, as the SDK sends it). */
export function ssoPortalService(store: IdentityStore, pageSize: number): ServiceDefinition {
  return {
    name: 'sso',
    protocol: restJson,
    routes: [
      { method: 'GET', path: '/assignment/accounts', operation: 'ListAccounts' },
      { method: 'GET', path: '/assignment/roles', operation: 'ListAccountRoles' },
      { method: 'GET', path: '/federation/credentials', operation: 'GetRoleCredentials' },
      { method: 'POST', path: '/logout', operation: 'Logout' },
    ],
    operations: {
      ListAccounts: (req) => {
        requireToken(store, req);
        const { items, nextToken } = paged(store.accounts, req, pageSize);
        const accountList = items.map(({ accountId, accountName, emailAddress }) => ({
          accountId,
          accountName,
          emailAddress,
        }));
        return json({ accountList, ...(nextToken ? { nextToken } : {}) });
      },
      ListAccountRoles: (req) => {
        requireToken(store, req);
        const account = accountOf(store, req.query.get('account_id'));
        const { items, nextToken } = paged(account.roles, req, pageSize);
        return json({
          roleList: items.map((roleName) => ({ roleName, accountId: account.accountId })),
          ...(nextToken ? { nextToken } : {}),
        });
      },
      GetRoleCredentials: (req) => {
        requireToken(store, req);
        const account = accountOf(store, req.query.get('account_id'));
        const roleName = req.query.get('role_name') ?? '';
        if (!account.roles.includes(roleName)) throw new ServiceError(403, 'ForbiddenException', 'No access');
        const c = store.issueRoleCredentials(account.accountId, roleName);
        return json({
          roleCredentials: {
            accessKeyId: c.accessKeyId,
            secretAccessKey: c.secretAccessKey,
            sessionToken: c.sessionToken,
            expiration: c.expiresAt,
          },
        });
      },
      Logout: (req) => {
        const token = requireToken(store, req);
        token.revoked = true;
        // The whole sign-in ends: refresh tokens of the same client stop working too.
        for (const t of store.refreshTokens.values()) if (t.clientId === token.clientId) t.revoked = true;
        return { status: 200, body: '' };
      },
    },
  };
}
