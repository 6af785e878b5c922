import type { DeviceCodePrompt } from '@shared/accounts.schema';
import { LakeError } from '@shared/errors';
import { signInRequiredError } from '../aws-call-errors';
import { cancelledError } from '../errors';
import type { OrganisationConfig } from './organisations';
import type { Registration, SsoOidcApi } from './sso-api';
import {
  readRegistration,
  registrationCachePath,
  writeRegistration,
  type CachedSsoToken,
} from './sso-token-cache';

export interface DeviceSignInOptions {
  oidc: SsoOidcApi;
  homeDir: string;
  signal: AbortSignal;
  /** Called once the code is known: show it, open the page. */
  onPrompt(prompt: Omit<DeviceCodePrompt, 'jobId'>): Promise<void> | void;
  /** RFC 8628 §3.5: add this to the polling interval on every slow_down (5 s unless a test says). */
  slowDownStepMs: number;
  /** Used when the service sends no interval (RFC 8628 default: 5 s). */
  defaultIntervalMs: number;
}

const MIN_POLL_MS = 100;

/** Waits `ms`, or throws CANCELLED as soon as the signal fires. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The OIDC client registration, from the CLI-compatible cache while it lasts, else a new one. */
async function registrationFor(
  org: OrganisationConfig,
  options: DeviceSignInOptions,
  fresh: boolean,
): Promise<Registration> {
  const path = registrationCachePath(options.homeDir, {
    startUrl: org.startUrl,
    region: org.region,
    scopes: org.scopes,
    ...(org.sessionName ? { sessionName: org.sessionName } : {}),
  });
  const cached = fresh ? undefined : await readRegistration(path);
  // A registration about to lapse would fail mid-sign-in; take a new one a day early.
  if (cached && cached.expiresAt.getTime() - 86_400_000 > Date.now()) return cached;
  const registration = await options.oidc.registerClient(
    `lakedesk-${org.sessionName ?? 'legacy'}`,
    org.scopes,
  );
  await writeRegistration(path, registration);
  return registration;
}

async function startAuthorization(org: OrganisationConfig, options: DeviceSignInOptions) {
  const registration = await registrationFor(org, options, false);
  try {
    return { registration, auth: await options.oidc.startDeviceAuthorization(registration, org.startUrl) };
  } catch (error) {
    // A registration revoked on the server side: register again once, as the CLI would.
    if (!(error instanceof LakeError) || !/InvalidClient/.test(error.message)) throw error;
    const renewed = await registrationFor(org, options, true);
    return {
      registration: renewed,
      auth: await options.oidc.startDeviceAuthorization(renewed, org.startUrl),
    };
  }
}

/**
 * Signs in by device authorization (RFC 8628): register (cached), start, show the code, poll
 * CreateToken at the service's interval, slowing down when told to, until approved, expired or
 * cancelled. Returns the token in the AWS CLI's cache shape; the caller saves it.
 */
export async function deviceSignIn(
  org: OrganisationConfig,
  options: DeviceSignInOptions,
): Promise<CachedSsoToken> {
  const { registration, auth } = await startAuthorization(org, options);
  const deadline = Date.now() + auth.expiresInSeconds * 1000;
  await options.onPrompt({
    verificationUri: auth.verificationUri,
    ...(auth.verificationUriComplete ? { verificationUriComplete: auth.verificationUriComplete } : {}),
    userCode: auth.userCode,
    expiresAt: new Date(deadline).toISOString(),
  });
  // Never faster than 10 polls a second, whatever the service says (emulators send 0).
  let interval = Math.max(
    MIN_POLL_MS,
    auth.intervalSeconds !== undefined ? auth.intervalSeconds * 1000 : options.defaultIntervalMs,
  );
  for (;;) {
    await abortableSleep(interval, options.signal);
    if (Date.now() > deadline) throw signInRequiredError(org.name, 'code expired before it was approved');
    const poll = await options.oidc.pollDeviceToken(registration, auth.deviceCode);
    if (poll.state === 'pending') continue;
    if (poll.state === 'slowDown') {
      interval += options.slowDownStepMs;
      continue;
    }
    return {
      startUrl: org.startUrl,
      region: org.region,
      accessToken: poll.grant.accessToken,
      expiresAt: new Date(Date.now() + poll.grant.expiresInSeconds * 1000),
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      registrationExpiresAt: registration.expiresAt,
      ...(poll.grant.refreshToken ? { refreshToken: poll.grant.refreshToken } : {}),
    };
  }
}
