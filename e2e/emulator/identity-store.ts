import { randomBytes, randomInt } from 'node:crypto';

export interface AccountSpec {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roles: string[];
}

/** Token lifetimes; tests shorten them to make sign-ins expire during work. */
export interface Lifetimes {
  accessTokenSeconds: number;
  /** How long a sign-in can be renewed with its refresh token (the SSO session's length). */
  refreshTokenSeconds: number;
  roleCredentialsSeconds: number;
  deviceCodeSeconds: number;
  pollIntervalSeconds: number;
}

export interface OidcClient {
  clientId: string;
  clientSecret: string;
  scopes: string[];
  expiresAt: number;
}

export interface DeviceAuth {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  expiresAt: number;
  lastPollAt: number;
  approved: boolean;
  consumed: boolean;
}

export interface IssuedToken {
  token: string;
  expiresAt: number;
  clientId: string;
  /** For refresh tokens: revoked by Logout, by rotation or by a test. */
  revoked?: boolean;
}

export interface IssuedRoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleName: string;
  expiresAt: number;
}

const ROLE_SETS = [
  ['FinanceAnalyst', 'ReadOnly'],
  ['FinanceAnalyst'],
  ['ReadOnly', 'AdministratorAccess'],
  ['DataEngineer', 'ReadOnly'],
];
const KINDS = ['prod', 'test', 'dev', 'sandbox', 'staging'];

/** `count` accounts with stable ids, names that say prod/test, and a few roles each. */
export function makeAccounts(count: number): AccountSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const accountId = String(100000000000 + i * 7919).padStart(12, '0');
    const accountName =
      i === 0
        ? 'finance-prod'
        : i === 1
          ? 'finance-test'
          : `team-${String(i).padStart(3, '0')}-${KINDS[i % KINDS.length]}`;
    return {
      accountId,
      accountName,
      emailAddress: `aws+${accountName}@example.com`,
      roles: ROLE_SETS[i % ROLE_SETS.length]!,
    };
  });
}

const secret = (prefix: string, bytes = 24) => `${prefix}${randomBytes(bytes).toString('base64url')}`;

/** Everything the emulated IAM Identity Center knows: clients, device codes, tokens, credentials. */
export class IdentityStore {
  readonly clients = new Map<string, OidcClient>();
  readonly devices = new Map<string, DeviceAuth>();
  readonly accessTokens = new Map<string, IssuedToken>();
  readonly refreshTokens = new Map<string, IssuedToken>();
  readonly roleCredentials = new Map<string, IssuedRoleCredentials>();

  constructor(
    readonly accounts: AccountSpec[],
    readonly lifetimes: Lifetimes,
    readonly user: string,
  ) {}

  registerClient(scopes: string[]): OidcClient {
    const client = {
      clientId: secret('client-', 12),
      clientSecret: secret('secret-', 32),
      scopes,
      expiresAt: Date.now() + 90 * 86_400_000,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  startDevice(clientId: string, startUrl: string): DeviceAuth {
    const letters = 'BCDFGHJKLMNPQRSTVWXZ';
    const pick = () => Array.from({ length: 4 }, () => letters[randomInt(letters.length)]).join('');
    const device: DeviceAuth = {
      deviceCode: secret('device-'),
      userCode: `${pick()}-${pick()}`,
      clientId,
      startUrl,
      expiresAt: Date.now() + this.lifetimes.deviceCodeSeconds * 1000,
      lastPollAt: 0,
      approved: false,
      consumed: false,
    };
    this.devices.set(device.deviceCode, device);
    return device;
  }

  /** Approves a pending code, as the person's browser would; the newest pending one if none given. */
  approve(userCode?: string): boolean {
    const pending = [...this.devices.values()].filter(
      (d) => !d.approved && !d.consumed && d.expiresAt > Date.now(),
    );
    const device = userCode
      ? pending.find((d) => d.userCode === userCode.toUpperCase())
      : pending[pending.length - 1];
    if (!device) return false;
    device.approved = true;
    return true;
  }

  pendingUserCodes(): string[] {
    return [...this.devices.values()]
      .filter((d) => !d.approved && d.expiresAt > Date.now())
      .map((d) => d.userCode);
  }

  /** A new access token, and a refresh token that lasts for the rest of the session. */
  issueTokens(clientId: string, sessionEndsAt?: number): { access: IssuedToken; refresh: IssuedToken } {
    const now = Date.now();
    const access = {
      token: secret('at-', 32),
      expiresAt: now + this.lifetimes.accessTokenSeconds * 1000,
      clientId,
    };
    const refresh = {
      token: secret('rt-', 32),
      expiresAt: sessionEndsAt ?? now + this.lifetimes.refreshTokenSeconds * 1000,
      clientId,
    };
    this.accessTokens.set(access.token, access);
    this.refreshTokens.set(refresh.token, refresh);
    return { access, refresh };
  }

  /** The access token if it is known and current. */
  validAccessToken(token: string | undefined): IssuedToken | undefined {
    const found = token === undefined ? undefined : this.accessTokens.get(token);
    return found && !found.revoked && found.expiresAt > Date.now() ? found : undefined;
  }

  /**
   * Role credentials. The keys are s3rver's (S3RVER/S3RVER, the only ones it accepts), so S3 calls
   * with them work; the session token is unique and is what STS and the S3 proxy identify them by.
   */
  issueRoleCredentials(accountId: string, roleName: string): IssuedRoleCredentials {
    const creds = {
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      sessionToken: secret('st-', 48),
      accountId,
      roleName,
      expiresAt: Date.now() + this.lifetimes.roleCredentialsSeconds * 1000,
    };
    this.roleCredentials.set(creds.sessionToken, creds);
    return creds;
  }

  /** Makes every token and credential issued so far expire now (a test's "the session ended"). */
  expireAll(options: { refreshTokens: boolean }): void {
    const past = Date.now() - 1;
    for (const t of this.accessTokens.values()) t.expiresAt = past;
    for (const c of this.roleCredentials.values()) c.expiresAt = past;
    if (options.refreshTokens) for (const t of this.refreshTokens.values()) t.expiresAt = past;
  }
}
