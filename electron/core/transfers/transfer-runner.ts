import type { DatasetContract } from '@shared/storage.schema';
import { encodeMetaValue, META } from '../storage/object-metadata';
import type { S3WriteOptions } from '../storage/s3-api';
import type { S3Connection } from '../storage/s3-connection';
import { uploadMultipart } from './multipart-upload';
import { fingerprint } from './preflight';
import { uploadSingle, verifyObject } from './single-upload';
import type { SlotLimiter } from './slot-limiter';
import { checkConflict, checkSource } from './transfer-checks';
import type { TransferRecord } from './transfer-record';
import { choosePartSize, type UploadContext } from './upload-context';

/** What running one transfer needs from the queue. */
export interface RunnerDeps {
  connection(record: TransferRecord): Promise<S3Connection>;
  /** The uploader's identity (ARN) to record, per target. */
  uploader(record: TransferRecord): Promise<string>;
  datasets(): Promise<DatasetContract[]>;
  parts: SlotLimiter;
  /** Preflights at once (they are CPU work). */
  checks: SlotLimiter;
  partSizeBytes(): number;
  save(record: TransferRecord): Promise<void>;
  /** Something visible changed (state, note). */
  changed(record: TransferRecord): void;
  progress: {
    add(record: TransferRecord, bytes: number): void;
    base(record: TransferRecord, bytes: number): void;
    checked(record: TransferRecord, bytes: number): void;
  };
}

function contentTypeOf(name: string): string {
  if (/\.csv$/i.test(name)) return 'text/csv';
  if (/\.parquet$/i.test(name)) return 'application/vnd.apache.parquet';
  if (/\.json$/i.test(name)) return 'application/json';
  return 'application/octet-stream';
}

async function writeOptionsOf(rec: TransferRecord, deps: RunnerDeps): Promise<S3WriteOptions> {
  const { mode, kmsKeyId } = rec.encryption;
  return {
    metadata: {
      [META.sha256]: rec.checked!.sha256,
      ...(rec.dataset ? { [META.dataset]: encodeMetaValue(rec.dataset) } : {}),
      [META.uploadedBy]: encodeMetaValue(await deps.uploader(rec)),
      [META.uploadedAt]: new Date().toISOString(),
      [META.sourceName]: encodeMetaValue(rec.name),
      [META.transferId]: rec.id,
    },
    contentType: contentTypeOf(rec.name),
    encryption: { mode, ...(kmsKeyId ? { kmsKeyId } : {}) },
  };
}

/** Preflight unless done, or again when the file changed since (before its upload began). */
async function ensureChecked(rec: TransferRecord, deps: RunnerDeps, signal: AbortSignal): Promise<void> {
  if (rec.checked && !rec.uploadId) {
    const now = await fingerprint(rec.source.path);
    if (now.size !== rec.checked.size || now.mtimeMs !== rec.checked.mtimeMs) rec.checked = undefined;
  }
  if (rec.checked) return;
  rec.state = 'checking';
  deps.changed(rec);
  const release = await deps.checks.acquire(signal);
  try {
    await checkSource(rec, await deps.datasets(), signal, (bytes) => deps.progress.checked(rec, bytes));
  } finally {
    release();
  }
  await deps.save(rec);
}

/**
 * One transfer from wherever it stands to a final or waiting state: preflight, conflict check,
 * upload (one PutObject, or multipart from the journal), verification. Failures are thrown for
 * the queue to decide (retry, fail, pause, cancel); waiting states (`held`, `conflict`) return.
 */
export async function runTransfer(rec: TransferRecord, deps: RunnerDeps, signal: AbortSignal): Promise<void> {
  await ensureChecked(rec, deps, signal);
  if (rec.state === 'held' || rec.state === 'skipped') return;
  const connection = await deps.connection(rec);
  if (!rec.uploadId && !(await checkConflict(rec, connection.api, signal))) return;
  rec.state = 'uploading';
  rec.uploadStartedAt ??= new Date().toISOString();
  deps.changed(rec);
  const ctx: UploadContext = {
    record: rec,
    api: connection.api,
    signal,
    parts: deps.parts,
    partSize: rec.partSize ?? choosePartSize(rec.size, deps.partSizeBytes()),
    writeOptions: await writeOptionsOf(rec, deps),
    save: () => deps.save(rec),
    acknowledged: (bytes) => deps.progress.add(rec, bytes),
    resumedAt: (bytes) => deps.progress.base(rec, bytes),
  };
  if (rec.uploadId || rec.size > ctx.partSize) await uploadMultipart(ctx);
  else await uploadSingle(ctx);
  rec.state = 'verifying';
  deps.changed(rec);
  await verifyObject(ctx);
  rec.state = 'done';
}
