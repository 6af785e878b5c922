import { EMRClient } from '@aws-sdk/client-emr';
import { GlueClient } from '@aws-sdk/client-glue';
import { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { S3Client } from '@aws-sdk/client-s3';
import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';

/** Role or profile credentials; they never leave the Node side. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Called by a client before each request; may pause (e.g. until the person signs in again). */
export type CredentialsProvider = () => Promise<AwsCredentials>;

/** Jittered exponential backoff for throttling (429, SlowDown), 5xx and dropped connections. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 20_000 };

/** Where and as whom a client talks. */
export interface ClientTarget {
  region: string;
  /** Resolved by `resolveEndpoint` (profile, services section, AWS_ENDPOINT_URL…); absent = AWS. */
  endpoint?: string;
  credentials?: CredentialsProvider;
  retry?: RetryPolicy;
  /**
   * How long a request may sit without an answer (default 30 s). S3 transfers raise it: completing
   * a large multipart upload on an S3-compatible server can take longer before the first byte.
   */
  requestTimeoutMs?: number;
}

/**
 * "Full jitter" (random between 0 and the exponential cap): spreads a burst of throttled callers
 * out instead of having them retry in lock-step.
 */
export function fullJitterDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

function commonConfig(target: ClientTarget) {
  const retry = target.retry ?? DEFAULT_RETRY;
  return {
    region: target.region,
    // The SDK's own strategy decides what is retryable (throttling, 5xx, ECONNRESET…); we choose
    // only how often and how long to wait, so tests can shorten the waits.
    retryStrategy: new ConfiguredRetryStrategy(retry.maxAttempts, (attempt) =>
      fullJitterDelay(retry, attempt),
    ),
    // A dropped connection must fail (and be retried) rather than hang a job forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: target.requestTimeoutMs ?? 30_000 },
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(target.credentials ? { credentials: target.credentials } : {}),
    // Endpoints were already resolved from *our* view of the config and env (which tests inject);
    // the SDK must not look again at the process's own.
    ignoreConfiguredEndpointUrls: true,
  };
}

/** IAM Identity Center OIDC (RegisterClient, StartDeviceAuthorization, CreateToken): unsigned. */
export function createSsoOidcClient(target: ClientTarget): SSOOIDCClient {
  return new SSOOIDCClient(commonConfig({ ...target, credentials: undefined }));
}

/** The SSO portal (ListAccounts, ListAccountRoles, GetRoleCredentials, Logout): bearer token only. */
export function createSsoClient(target: ClientTarget): SSOClient {
  return new SSOClient(commonConfig({ ...target, credentials: undefined }));
}

export function createStsClient(target: ClientTarget): STSClient {
  return new STSClient(commonConfig(target));
}

/** Whether an endpoint is one the user set (LocalStack, MinIO, the emulator), not AWS's own. */
export function isCustomEndpoint(endpoint: string | undefined): boolean {
  if (endpoint === undefined) return false;
  const host = new URL(endpoint).hostname;
  return !host.endsWith('.amazonaws.com') && !host.endsWith('.amazonaws.com.cn');
}

/**
 * S3. For a custom endpoint (MinIO, LocalStack, the emulator) path-style addressing, and checksums
 * only when required: the SDK's default streaming checksums corrupt uploads on many S3-compatible
 * servers (ENVIRONMENT.md); callers verify integrity with their own full-object checksum.
 */
export function createS3Client(target: ClientTarget): S3Client {
  const custom = isCustomEndpoint(target.endpoint);
  return new S3Client({
    ...commonConfig(target),
    ...(custom
      ? {
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
  });
}

/** Glue: the Data Catalog and crawlers. */
export function createGlueClient(target: ClientTarget): GlueClient {
  return new GlueClient(commonConfig(target));
}

/** EMR: clusters and steps. */
export function createEmrClient(target: ClientTarget): EMRClient {
  return new EMRClient(commonConfig(target));
}

/** Lake Formation: who may read and change which tables. */
export function createLakeFormationClient(target: ClientTarget): LakeFormationClient {
  return new LakeFormationClient(commonConfig(target));
}
