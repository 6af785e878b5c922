import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';

/** One object under a prefix, as the pipeline emulators need it. */
export interface S3Entry {
  key: string;
  size: number;
  lastModified: Date;
}

/** `s3://bucket/key` (or `s3n://`, `s3a://`, as EMR writes LogUri) split into bucket and key. */
export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3[an]?:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match) throw new Error(`Not an S3 URI: ${uri}`);
  return { bucket: match[1]!, key: match[2]! };
}

/**
 * The emulator's own way into its S3 data: straight to s3rver (not through the fault proxy), so a
 * crawl or a step is never hit by faults meant for the app's calls.
 */
export class S3Data {
  private readonly client: S3Client;

  constructor(s3rverUrl: string, region: string) {
    this.client = new S3Client({
      endpoint: s3rverUrl,
      region,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Every object under `s3://bucket/prefix` (all pages); none when the bucket does not exist. */
  async list(uri: string): Promise<Array<S3Entry & { uri: string }>> {
    const { bucket, key: prefix } = parseS3Uri(uri);
    const out: Array<S3Entry & { uri: string }> = [];
    let token: string | undefined;
    do {
      const page = await this.client
        .send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
        .catch((error: { name?: string }) => {
          if (error.name === 'NoSuchBucket') return { Contents: [], NextContinuationToken: undefined };
          throw error;
        });
      for (const o of page.Contents ?? [])
        out.push({
          key: o.Key!,
          size: o.Size ?? 0,
          lastModified: o.LastModified ?? new Date(),
          uri: `s3://${bucket}/${o.Key}`,
        });
      token = page.NextContinuationToken;
    } while (token);
    return out;
  }

  async get(uri: string): Promise<Buffer> {
    const { bucket, key } = parseS3Uri(uri);
    const answer = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from(await answer.Body!.transformToByteArray());
  }

  async put(uri: string, body: Buffer | string): Promise<void> {
    const { bucket, key } = parseS3Uri(uri);
    // The length given, so an empty body (`_SUCCESS`) is not taken for a stream of unknown length.
    const ContentLength = Buffer.byteLength(body);
    await this.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength }));
  }

  /** Removes every object under a prefix (a Spark `mode('overwrite')`). */
  async removePrefix(uri: string): Promise<void> {
    const { bucket } = parseS3Uri(uri);
    // One by one: DeleteObjects needs a Content-MD5 that s3rver and the SDK disagree on.
    for (const o of await this.list(uri))
      await this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: o.key }));
  }

  close(): void {
    this.client.destroy();
  }
}
