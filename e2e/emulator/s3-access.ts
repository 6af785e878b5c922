import type { IncomingMessage } from 'node:http';
import type { IdentityStore } from './identity-store';
import { ServiceError, type EmulatorRequest } from './protocols';
import { sessionTokenOf } from './sts-service';

/** The IAM action each S3 operation needs, as S3's AccessDenied messages name it. */
export const S3_ACTIONS: Record<string, string> = {
  ListBuckets: 's3:ListAllMyBuckets',
  ListObjectsV2: 's3:ListBucket',
  HeadBucket: 's3:ListBucket',
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  PutObject: 's3:PutObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  ListParts: 's3:ListMultipartUploadParts',
  ListMultipartUploads: 's3:ListBucketMultipartUploads',
  AbortMultipartUpload: 's3:AbortMultipartUpload',
  DeleteObject: 's3:DeleteObject',
};

/** A permission taken away: by bucket (and key prefix), by action, by role; unset means any. */
export interface S3Denial {
  bucket?: string;
  prefix?: string;
  /** IAM actions such as `s3:PutObject`. */
  actions?: string[];
  /** The SSO role whose session is refused (`FinanceAnalyst`); static keys are `iam-user`. */
  role?: string;
}

/** An IAM policy in miniature: everything is allowed except what a test denies. */
export class S3Access {
  private denials: S3Denial[] = [];

  deny(denial: S3Denial): void {
    this.denials.push(denial);
  }

  reset(): void {
    this.denials = [];
  }

  /** The AccessDenied error for a request, worded as S3 does, or undefined when allowed. */
  check(
    operation: string,
    bucket: string,
    key: string,
    caller: { arn: string; role: string },
  ): ServiceError | undefined {
    const action = S3_ACTIONS[operation] ?? `s3:${operation}`;
    const denied = this.denials.some(
      (d) =>
        (d.bucket === undefined || d.bucket === bucket) &&
        (d.prefix === undefined || key.startsWith(d.prefix)) &&
        (d.actions === undefined || d.actions.includes(action)) &&
        (d.role === undefined || d.role === caller.role),
    );
    if (!denied) return undefined;
    const resource = bucket
      ? `arn:aws:s3:::${bucket}${key && action !== 's3:ListBucket' ? `/${key}` : ''}`
      : '*';
    return new ServiceError(
      403,
      'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: ${action} on resource: "${resource}" because no identity-based policy allows the ${action} action`,
    );
  }
}

/** Who signed an S3 request (by its session token), and what is wrong with the token, if anything. */
export interface Caller {
  arn: string;
  role: string;
  problem?: ServiceError;
}

export function callerOf(store: IdentityStore, raw: IncomingMessage, url: URL): Caller {
  const req: EmulatorRequest = {
    method: raw.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: raw.headers,
    body: Buffer.alloc(0),
  };
  const token = sessionTokenOf(req);
  if (!token) return { arn: 'arn:aws:iam::000000000000:user/s3rver', role: 'iam-user' };
  const creds = store.roleCredentials.get(token);
  if (!creds)
    return {
      arn: '',
      role: '',
      problem: new ServiceError(403, 'InvalidToken', 'The provided token is malformed or otherwise invalid.'),
    };
  const arn = `arn:aws:sts::${creds.accountId}:assumed-role/AWSReservedSSO_${creds.roleName}_0123456789abcdef/${store.user}`;
  if (creds.expiresAt < Date.now())
    return {
      arn,
      role: creds.roleName,
      problem: new ServiceError(400, 'ExpiredToken', 'The provided token has expired.'),
    };
  return { arn, role: creds.roleName };
}
