import type { RetryPolicy } from '../aws-clients';
import type { Services } from '../services';
import { connectS3, type AwsTargetRef, type S3Connection } from '../storage/s3-connection';

/** One key per identity: a workspace, or a config profile. */
export const refKey = (ref: AwsTargetRef) =>
  'profile' in ref ? `profile:${ref.profile}` : `workspace:${ref.workspaceId}`;

/**
 * The S3 connections transfers go through, one per identity and shared by its transfers, with the
 * uploader's identity (recorded in metadata) looked up once.
 */
export class S3Connections {
  private readonly connections = new Map<string, Promise<S3Connection>>();
  private readonly uploaders = new Map<string, Promise<string>>();
  private readonly closing = new AbortController();

  constructor(
    private readonly services: () => Services,
    private readonly tuning: { retry: RetryPolicy; requestTimeoutMs: number },
  ) {}

  connection(ref: AwsTargetRef): Promise<S3Connection> {
    const key = refKey(ref);
    let found = this.connections.get(key);
    if (!found) {
      // The closing signal ends a wait for a sign-in when the app quits.
      found = connectS3(this.services(), ref, { signal: this.closing.signal, ...this.tuning });
      found.catch(() => this.connections.delete(key));
      this.connections.set(key, found);
    }
    return found;
  }

  /** Who uploads: the caller's ARN (GetCallerIdentity), else the role's description. */
  uploader(ref: AwsTargetRef): Promise<string> {
    const key = refKey(ref);
    let found = this.uploaders.get(key);
    if (!found) {
      found = this.connection(ref).then((c) =>
        c.identity().then(
          (id) => id.arn,
          () => c.who,
        ),
      );
      this.uploaders.set(key, found);
    }
    return found;
  }

  /** Ends any wait for a sign-in (the app is quitting). */
  stopWaiting(): void {
    this.closing.abort();
  }

  async close(): Promise<void> {
    this.closing.abort();
    for (const connection of this.connections.values())
      (await connection.catch(() => undefined))?.api.destroy();
  }
}
