import { LakeError } from '@shared/errors';
import type { IncompleteUpload, TransferItem } from '@shared/transfers.schema';
import { s3CodeOf } from '../storage/s3-api';
import { cancel, resume } from './queue-actions';
import { toItem } from './transfer-record';
import type { TransferService } from './transfer-service';

type Target = { workspaceId?: string | undefined; profile?: string | undefined };

/**
 * Every incomplete multipart upload under a bucket and prefix. Those this Lakedesk journaled
 * are resumable; others (another tool's, another machine's) can only be aborted.
 */
export async function listIncomplete(
  service: TransferService,
  input: Target & { bucket: string; prefix: string },
): Promise<IncompleteUpload[]> {
  const connection = await service.connections.connection(await service.targetOf(input));
  const uploads = await connection.api.listUploads(input.bucket, input.prefix);
  const queue = await service.queue();
  const byUploadId = new Map(
    [...queue.records.values()].filter((r) => r.uploadId).map((r) => [r.uploadId!, r]),
  );
  return uploads.map((u) => {
    const rec = byUploadId.get(u.uploadId);
    return {
      bucket: input.bucket,
      key: u.key,
      uploadId: u.uploadId,
      ...(u.initiatedAt ? { initiatedAt: u.initiatedAt } : {}),
      isResumable: rec !== undefined && !queue.isRunning(rec.id),
      ...(rec
        ? {
            transferId: rec.id,
            source: rec.source.display,
            partsDone: rec.parts.length,
            bytesDone: rec.parts.reduce((n, p) => n + p.size, 0),
          }
        : {}),
    };
  });
}

/** Aborts an incomplete upload: through its transfer when it is ours (which is then cancelled). */
export async function abortIncomplete(
  service: TransferService,
  input: Target & { bucket: string; key: string; uploadId: string },
): Promise<boolean> {
  const queue = await service.queue();
  const rec = [...queue.records.values()].find((r) => r.uploadId === input.uploadId);
  if (rec) {
    await cancel(queue, [rec.id]);
    return true;
  }
  const connection = await service.connections.connection(await service.targetOf(input));
  try {
    await connection.api.abort(input.bucket, input.key, input.uploadId);
    return true;
  } catch (error) {
    if (s3CodeOf(error) === 'NoSuchUpload') return false;
    throw error;
  }
}

/** Resumes an incomplete upload this Lakedesk journaled, from the parts S3 holds. */
export async function resumeIncomplete(service: TransferService, uploadId: string): Promise<TransferItem> {
  const queue = await service.queue();
  const rec = [...queue.records.values()].find((r) => r.uploadId === uploadId);
  if (!rec) {
    throw new LakeError(
      'NOT_FOUND',
      `Lakedesk has no record of the upload ${uploadId.slice(0, 12)}…: it does not know which file it was.`,
      'Abort it, and upload the file again.',
    );
  }
  if (rec.state === 'paused' || rec.state === 'failed' || rec.state === 'retrying')
    await resume(queue, [rec.id]);
  return toItem(rec, { bytesDone: queue.progress.bytesDone(rec.id), bytesPerSecond: 0 });
}
