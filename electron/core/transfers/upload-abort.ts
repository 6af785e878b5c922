import type { S3Connection } from '../storage/s3-connection';
import type { TransferRecord } from './transfer-record';

/**
 * Aborts a transfer's multipart upload, if it has one, so S3 frees (and stops charging for) its
 * parts. Best effort: an upload S3 no longer has is as good as aborted.
 */
export async function abortUpload(
  rec: TransferRecord,
  connect: (rec: TransferRecord) => Promise<S3Connection>,
): Promise<void> {
  if (!rec.uploadId) return;
  const connection = await connect(rec).catch(() => undefined);
  await connection?.api.abort(rec.bucket, rec.key, rec.uploadId).catch(() => undefined);
  rec.uploadId = undefined;
  rec.parts = [];
  rec.partSize = undefined;
}
