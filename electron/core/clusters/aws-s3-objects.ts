import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { AwsCaller } from '../aws-caller';

/** `s3://bucket/key` (also `s3n://`/`s3a://`, as EMR writes LogUri) split into bucket and key. */
export function splitS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3[an]?:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return { bucket: match?.[1] ?? '', key: match?.[2] ?? '' };
}

const notFound = (e: { name?: string; $metadata?: { httpStatusCode?: number } }) =>
  e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;

/**
 * The few S3 object calls the clusters area needs (code upload, step logs, step output), through
 * the workspace's S3 client. Bodies are buffers: S3-compatible servers mangle streamed uploads.
 */
export class S3Objects {
  constructor(
    private readonly s3: S3Client,
    private readonly caller: AwsCaller,
  ) {}

  /** The object's `lakedesk-sha256` metadata, or undefined when it does not exist. */
  async sha256Of(uri: string): Promise<string | undefined> {
    const { bucket, key } = splitS3Uri(uri);
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return head.Metadata?.['lakedesk-sha256'] ?? '';
    } catch (error) {
      if (notFound(error as { name?: string })) return undefined;
      return this.caller.call('HeadObject', () => Promise.reject(error), { action: `Reading ${uri}` });
    }
  }

  async put(uri: string, body: Buffer, sha256: string, contentType: string): Promise<void> {
    const { bucket, key } = splitS3Uri(uri);
    await this.caller.call(
      'PutObject',
      () =>
        this.s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentType: contentType,
            Metadata: { 'lakedesk-sha256': sha256 },
          }),
        ),
      { action: `Uploading ${uri}` },
    );
  }

  /** The object's bytes, or undefined when it does not exist (yet). */
  async get(uri: string): Promise<Buffer | undefined> {
    const { bucket, key } = splitS3Uri(uri);
    try {
      const answer = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await answer.Body!.transformToByteArray());
    } catch (error) {
      if (notFound(error as { name?: string })) return undefined;
      return this.caller.call('GetObject', () => Promise.reject(error), { action: `Reading ${uri}` });
    }
  }

  /** Object URIs under a prefix (first 1,000: enough for a run's output folder). */
  async list(prefixUri: string): Promise<string[]> {
    const { bucket, key } = splitS3Uri(prefixUri);
    const page = await this.caller.call(
      'ListObjectsV2',
      () => this.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key })),
      { action: `Listing ${prefixUri}` },
    );
    return (page.Contents ?? []).map((o) => `s3://${bucket}/${o.Key}`);
  }
}
