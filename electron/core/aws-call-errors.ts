import { LakeError } from '@shared/errors';

interface SdkLikeError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

const SIGN_IN_NAMES = new Set([
  'UnauthorizedException',
  'InvalidGrantException',
  'ExpiredTokenException',
  'UnauthorizedClientException',
]);
const THROTTLE_NAMES = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'SlowDown']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

export type SignInReason = 'expired' | 'signedOut' | 'rejected';

/** An expired, missing or rejected SSO sign-in: the person must sign in again. */
export class SignInRequiredError extends LakeError {
  constructor(
    readonly organisation: string,
    why: string,
    readonly reason: SignInReason,
  ) {
    super(
      'SIGN_IN_REQUIRED',
      `The sign-in to ${organisation} ${why}.`,
      `Sign in again (Accounts › Sign in, or \`lakedesk sso login --session ${organisation}\`).`,
    );
  }
}

/** The error for an expired or rejected SSO sign-in. */
export function signInRequiredError(
  organisation: string,
  why: string,
  reason: SignInReason = 'expired',
): SignInRequiredError {
  return new SignInRequiredError(organisation, why, reason);
}

/**
 * Turns an AWS SDK failure into an error a person can act on: what failed (service and operation),
 * why, and what to do next. `organisation` names the sign-in a 401 belongs to.
 */
export function toAwsLakeError(
  error: unknown,
  call: string,
  organisation?: string,
  endpoint?: string,
): LakeError {
  if (error instanceof LakeError) return error;
  const e = (error ?? {}) as SdkLikeError;
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  if (error instanceof Error && error.name === 'AbortError') return new LakeError('CANCELLED', 'Cancelled.');
  if (organisation && (SIGN_IN_NAMES.has(name) || status === 401)) {
    return signInRequiredError(organisation, 'was not accepted (expired or signed out)', 'rejected');
  }
  const where = endpoint ? ` at ${endpoint}` : '';
  if (THROTTLE_NAMES.has(name) || status === 429) {
    return new LakeError(
      'AWS_ERROR',
      `${call} was throttled by AWS${where} and still failed after retries.`,
      'Wait a minute and try again.',
    );
  }
  const code = e.code ?? name;
  if (NETWORK_CODES.has(code) || /socket hang up|ECONNREFUSED|ECONNRESET/.test(e.message ?? '')) {
    return new LakeError(
      'AWS_ERROR',
      `${call} could not reach the service${where}: ${e.message ?? code}.`,
      'Check the network (VPN, proxy) and any endpoint_url in your AWS config, then try again.',
    );
  }
  if (
    name === 'AccessDeniedException' ||
    name === 'ForbiddenException' ||
    name === 'AccessDenied' ||
    status === 403
  ) {
    return new LakeError(
      'AWS_ERROR',
      `${call} was refused: ${e.message ?? name}.`,
      'Ask your AWS administrator for access, or choose another role.',
    );
  }
  return new LakeError(
    'AWS_ERROR',
    `${call} failed${where}: ${name}${e.message && e.message !== name ? ` — ${e.message}` : ''}.`,
    'Try again; if it keeps failing, report it with this message.',
  );
}
