import type { Readable } from 'node:stream';
import { LakeError, type ErrorCode } from '@shared/errors';

/** What HeadObject says about an object, in plain types. */
export interface S3ObjectHead {
  size: number;
  modifiedAt?: string;
  etag?: string;
  storageClass?: string;
  contentType?: string;
  /** `AES256` (SSE-S3), `aws:kms`, `aws:kms:dsse`; absent when the server does not say. */
  encryption?: string;
  kmsKeyId?: string;
  /** User metadata (`x-amz-meta-*`), keys without the prefix. */
  metadata: Record<string, string>;
}

export interface S3ListedObject {
  key: string;
  size: number;
  modifiedAt?: string;
  etag?: string;
  storageClass?: string;
}

/** One page of a delimiter listing: "folders" (common prefixes) and objects. */
export interface S3Listing {
  folders: string[];
  objects: S3ListedObject[];
  nextToken?: string;
}

/** Server-side encryption chosen for an upload. */
export interface S3Encryption {
  mode: 'bucketDefault' | 'sse-s3' | 'sse-kms';
  kmsKeyId?: string;
}

export interface S3WriteOptions {
  metadata: Record<string, string>;
  contentType?: string;
  encryption?: S3Encryption;
}

export interface S3Part {
  partNumber: number;
  etag: string;
  size?: number;
  /** Base64 SHA-256 of the part, when S3 checked one (AWS endpoints). */
  checksumSha256?: string;
}

export interface S3MultipartUpload {
  key: string;
  uploadId: string;
  initiatedAt?: string;
}

/**
 * The S3 calls Lakedesk makes, in plain types so storage and transfers stay free of the SDK.
 * Every failure is an {@link S3CallError}: what was refused (IAM action and resource), why, what next.
 */
export interface S3Api {
  /** True for MinIO, LocalStack, the emulator: no SDK checksums, so our own checks carry integrity. */
  readonly isCustomEndpoint: boolean;
  listBuckets(signal?: AbortSignal): Promise<Array<{ name: string; createdAt?: string }>>;
  list(
    bucket: string,
    prefix: string,
    page: { delimiter?: string; token?: string; maxKeys?: number },
    signal?: AbortSignal,
  ): Promise<S3Listing>;
  /** Undefined when there is no such object. */
  head(bucket: string, key: string, signal?: AbortSignal): Promise<S3ObjectHead | undefined>;
  /** Bytes `start`..`end` inclusive (fewer when the object is shorter). */
  getRange(bucket: string, key: string, start: number, end: number, signal?: AbortSignal): Promise<Buffer>;
  getStream(
    bucket: string,
    key: string,
    signal?: AbortSignal,
  ): Promise<{ body: Readable; head: S3ObjectHead }>;
  put(
    bucket: string,
    key: string,
    body: Buffer,
    options: S3WriteOptions,
    signal?: AbortSignal,
  ): Promise<{ etag?: string }>;
  /** Deletes objects (batched on AWS, one by one on servers whose batch delete is unreliable). */
  deleteMany(bucket: string, keys: readonly string[], signal?: AbortSignal): Promise<number>;
  createMultipart(
    bucket: string,
    key: string,
    options: S3WriteOptions,
    signal?: AbortSignal,
  ): Promise<string>;
  uploadPart(
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: number,
    body: Buffer,
    signal?: AbortSignal,
  ): Promise<S3Part>;
  listParts(bucket: string, key: string, uploadId: string, signal?: AbortSignal): Promise<S3Part[]>;
  complete(
    bucket: string,
    key: string,
    uploadId: string,
    parts: readonly S3Part[],
    signal?: AbortSignal,
  ): Promise<{ etag?: string }>;
  abort(bucket: string, key: string, uploadId: string): Promise<void>;
  listUploads(bucket: string, prefix: string, signal?: AbortSignal): Promise<S3MultipartUpload[]>;
  destroy(): void;
}

/** A failed S3 call: a LakeError that also says S3's own error code and whether trying again may help. */
export class S3CallError extends LakeError {
  constructor(
    code: ErrorCode,
    message: string,
    hint: string | undefined,
    /** S3's error code (`NoSuchUpload`, `AccessDenied`, `SlowDown`…) or the network error's. */
    readonly s3Code: string,
    /** Throttling, 5xx, a dropped or refused connection: the same call may work later. */
    readonly isTransient: boolean,
  ) {
    super(code, message, hint);
  }
}

/** Whether an error is worth retrying later (the SDK already retried each request). */
export function isTransientError(error: unknown): boolean {
  return error instanceof S3CallError && error.isTransient;
}

/** S3's error code of a failure, if it was an S3 call. */
export function s3CodeOf(error: unknown): string | undefined {
  return error instanceof S3CallError ? error.s3Code : undefined;
}
