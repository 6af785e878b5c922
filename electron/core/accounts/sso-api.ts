import type { AwsCredentials } from '../aws-clients';

/** An OIDC client registration (RegisterClient), reused until it expires. */
export interface Registration {
  clientId: string;
  clientSecret: string;
  expiresAt: Date;
  scopes?: string[];
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  expiresInSeconds: number;
  /** Seconds to wait between polls, as the service asks. */
  intervalSeconds?: number;
}

export interface TokenGrant {
  accessToken: string;
  expiresInSeconds: number;
  refreshToken?: string;
}

/** One poll of CreateToken during a device sign-in. */
export type DevicePoll =
  { state: 'granted'; grant: TokenGrant } | { state: 'pending' } | { state: 'slowDown' };

/** IAM Identity Center OIDC, as the sign-in needs it. */
export interface SsoOidcApi {
  registerClient(clientName: string, scopes: string[]): Promise<Registration>;
  startDeviceAuthorization(registration: Registration, startUrl: string): Promise<DeviceAuthorization>;
  /** Throws SIGN_IN_REQUIRED when the code expired or was denied. */
  pollDeviceToken(registration: Registration, deviceCode: string): Promise<DevicePoll>;
  /** Throws SIGN_IN_REQUIRED when the refresh token is no longer accepted. */
  refresh(registration: Registration, refreshToken: string): Promise<TokenGrant>;
}

export interface AccountInfo {
  accountId: string;
  accountName: string;
  emailAddress?: string;
}

export interface Page<T> {
  items: T[];
  /** The service's cursor for the next page; absent on the last. */
  next?: string;
}

/** The SSO portal, with the organisation's access token. Throws SIGN_IN_REQUIRED on 401. */
export interface SsoPortalApi {
  listAccounts(accessToken: string, next?: string, pageSize?: number): Promise<Page<AccountInfo>>;
  listAccountRoles(
    accessToken: string,
    accountId: string,
    next?: string,
    pageSize?: number,
  ): Promise<Page<string>>;
  getRoleCredentials(
    accessToken: string,
    accountId: string,
    roleName: string,
  ): Promise<AwsCredentials & { expiration: Date }>;
  logout(accessToken: string): Promise<void>;
}
