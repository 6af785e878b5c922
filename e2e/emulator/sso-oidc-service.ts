import type { IdentityStore } from './identity-store';
import {
  escapeXml,
  json,
  restJson,
  ServiceError,
  type EmulatorRequest,
  type EmulatorReply,
} from './protocols';
import type { OperationHandler, ServiceDefinition } from './service-server';

/** OIDC errors carry the OAuth `error` code in the body, the exception name in the header. */
const oauthError = (status: number, code: string, error: string, description: string) =>
  new ServiceError(status, code, description, { error, error_description: description });

function body(req: EmulatorRequest): Record<string, unknown> {
  try {
    return JSON.parse(req.body.toString('utf8') || '{}') as Record<string, unknown>;
  } catch {
    throw new ServiceError(400, 'InvalidRequestException', 'Body is not JSON');
  }
}

function requireClient(store: IdentityStore, b: Record<string, unknown>) {
  const client = store.clients.get(String(b.clientId ?? ''));
  if (!client || client.clientSecret !== b.clientSecret || client.expiresAt < Date.now()) {
    throw oauthError(401, 'InvalidClientException', 'invalid_client', 'Unknown or expired client');
  }
  return client;
}

function deviceGrant(store: IdentityStore, clientId: string, deviceCode: string): EmulatorReply {
  const device = store.devices.get(deviceCode);
  if (!device || device.clientId !== clientId || device.consumed)
    throw oauthError(400, 'InvalidGrantException', 'invalid_grant', 'Invalid device code');
  const now = Date.now();
  if (device.expiresAt < now)
    throw oauthError(400, 'ExpiredTokenException', 'expired_token', 'Device code expired');
  const tooSoon = now - device.lastPollAt < store.lifetimes.pollIntervalSeconds * 1000 - 150;
  device.lastPollAt = now;
  if (!device.approved) {
    if (tooSoon) throw oauthError(400, 'SlowDownException', 'slow_down', 'Client is polling too quickly');
    throw oauthError(
      400,
      'AuthorizationPendingException',
      'authorization_pending',
      'Authorization is pending',
    );
  }
  device.consumed = true;
  const { access, refresh } = store.issueTokens(clientId);
  return json({
    accessToken: access.token,
    tokenType: 'Bearer',
    expiresIn: store.lifetimes.accessTokenSeconds,
    refreshToken: refresh.token,
  });
}

function refreshGrant(store: IdentityStore, clientId: string, refreshToken: string): EmulatorReply {
  const old = store.refreshTokens.get(refreshToken);
  if (!old || old.revoked || old.clientId !== clientId || old.expiresAt < Date.now()) {
    throw oauthError(400, 'InvalidGrantException', 'invalid_grant', 'Refresh token is invalid or expired');
  }
  // Rotation: the old refresh token stops working, as IAM Identity Center may do.
  old.revoked = true;
  const { access, refresh } = store.issueTokens(clientId, old.expiresAt);
  return json({
    accessToken: access.token,
    tokenType: 'Bearer',
    expiresIn: store.lifetimes.accessTokenSeconds,
    refreshToken: refresh.token,
  });
}

const page = (text: string): EmulatorReply => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: text,
});

/** The page the verification URL opens: approve a code, as a person would in the browser. */
function devicePages(store: IdentityStore): Record<string, OperationHandler> {
  return {
    'GET /device': (req) => {
      const code = escapeXml(req.query.get('user_code') ?? '');
      return page(
        `<!doctype html><title>Emulated AWS sign-in</title><h1>Authorize request</h1>` +
          `<form method="post" action="/device/approve"><label>Code <input name="user_code" value="${code}"></label>` +
          `<button type="submit">Allow</button></form>`,
      );
    },
    'POST /device/approve': (req) => {
      const code = new URLSearchParams(req.body.toString('utf8')).get('user_code') ?? undefined;
      const ok = store.approve(code || undefined);
      return page(
        ok
          ? '<h1>Request approved</h1><p>You can close this window.</p>'
          : '<h1>No pending request with that code</h1>',
      );
    },
  };
}

/** IAM Identity Center OIDC (rest-json, paths as the SDK sends them), plus the approval page. */
export function ssoOidcService(store: IdentityStore, baseUrl: () => string): ServiceDefinition {
  return {
    name: 'sso_oidc',
    protocol: restJson,
    routes: [
      { method: 'POST', path: '/client/register', operation: 'RegisterClient' },
      { method: 'POST', path: '/device_authorization', operation: 'StartDeviceAuthorization' },
      { method: 'POST', path: '/token', operation: 'CreateToken' },
    ],
    operations: {
      RegisterClient: (req) => {
        const b = body(req);
        if (b.clientType !== 'public')
          throw new ServiceError(400, 'InvalidClientMetadataException', 'clientType must be public');
        const client = store.registerClient(Array.isArray(b.scopes) ? b.scopes.map(String) : []);
        return json({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          clientIdIssuedAt: Math.floor(Date.now() / 1000),
          clientSecretExpiresAt: Math.floor(client.expiresAt / 1000),
        });
      },
      StartDeviceAuthorization: (req) => {
        const b = body(req);
        const client = requireClient(store, b);
        const device = store.startDevice(client.clientId, String(b.startUrl ?? ''));
        return json({
          deviceCode: device.deviceCode,
          userCode: device.userCode,
          verificationUri: `${baseUrl()}/device`,
          verificationUriComplete: `${baseUrl()}/device?user_code=${device.userCode}`,
          expiresIn: store.lifetimes.deviceCodeSeconds,
          interval: store.lifetimes.pollIntervalSeconds,
        });
      },
      CreateToken: (req) => {
        const b = body(req);
        const client = requireClient(store, b);
        if (b.grantType === 'urn:ietf:params:oauth:grant-type:device_code')
          return deviceGrant(store, client.clientId, String(b.deviceCode ?? ''));
        if (b.grantType === 'refresh_token')
          return refreshGrant(store, client.clientId, String(b.refreshToken ?? ''));
        throw oauthError(
          400,
          'UnsupportedGrantTypeException',
          'unsupported_grant_type',
          `Unsupported grant ${String(b.grantType)}`,
        );
      },
    },
    pages: devicePages(store),
  };
}
