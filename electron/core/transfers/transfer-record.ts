import type { LakeErrorShape } from '@shared/errors';
import type { Finding } from '@shared/storage.schema';
import type { EncryptionChoice, TransferItem, TransferState } from '@shared/transfers.schema';
import type { AwsTargetRef } from '../storage/s3-connection';

/** A finished part as the journal keeps it: enough to complete the upload after a restart. */
export interface JournalPart {
  partNumber: number;
  etag: string;
  size: number;
  /** Hex MD5 of the part's bytes (checks the ETag S3 gives, and a multipart ETag). */
  md5: string;
  checksumSha256?: string;
}

/**
 * Everything about one transfer, as journaled in the app home (one JSON file per transfer) so an
 * upload survives the app closing: the source and its fingerprint, the destination, the
 * preflight's outcome, and the multipart upload id with its finished parts.
 */
export interface TransferRecord {
  id: string;
  batchId: string;
  createdAt: string;
  uploadStartedAt?: string;
  endedAt?: string;
  target: AwsTargetRef;
  /** The local file read; `staged` when it is Lakedesk's own copy of bytes the UI sent. */
  source: { path: string; staged: boolean; display: string };
  name: string;
  bucket: string;
  /** Where it goes now (after quarantine or keep-both renaming). */
  key: string;
  /** The key first proposed, before quarantine or renaming. */
  baseKey: string;
  /** A dataset named by the person (else recognised from the header). */
  datasetHint?: string;
  dataset: string | null;
  encryption: EncryptionChoice;
  onConflict: 'ask' | 'skip' | 'overwrite' | 'keepBoth';
  onFindings: 'hold' | 'skip' | 'quarantine';
  state: TransferState;
  /** Set once the preflight ran: the source's fingerprint when it was checked and hashed. */
  checked?: { size: number; mtimeMs: number; sha256: string };
  size: number;
  checkedBytes: number;
  rows?: number;
  findings: Finding[];
  findingCount: number;
  quarantined: boolean;
  conflict?: { size: number; modifiedAt?: string; sameContent: boolean };
  /** The person's answer to a conflict. */
  conflictDecision?: 'overwrite' | 'keepBoth';
  partSize?: number;
  uploadId?: string;
  parts: JournalPart[];
  attempts: number;
  retryAt?: number;
  note?: string;
  error?: LakeErrorShape;
  crawlers?: Array<{ name: string; s3Target?: string }>;
}

/** States a transfer does not leave by itself. */
export const FINAL_STATES: ReadonlySet<TransferState> = new Set(['done', 'skipped', 'failed', 'cancelled']);

/** States in which a transfer is doing (or about to do) work. */
export const ACTIVE_STATES: ReadonlySet<TransferState> = new Set([
  'checking',
  'uploading',
  'verifying',
  'retrying',
]);

/** Findings sent with every queue event; the rest come from `transfers.findings`. */
const FINDINGS_IN_ITEM = 100;

/** The public view of a record (what the UI gets), with live speed and ETA. */
export function toItem(
  record: TransferRecord,
  live: { bytesDone: number; bytesPerSecond: number },
): TransferItem {
  const remaining = record.size - live.bytesDone;
  const totalParts = record.partSize ? Math.max(1, Math.ceil(record.size / record.partSize)) : undefined;
  return {
    id: record.id,
    batchId: record.batchId,
    name: record.name,
    source: record.source.display,
    size: record.size,
    bucket: record.bucket,
    key: record.key,
    uri: `s3://${record.bucket}/${record.key}`,
    dataset: record.dataset,
    state: record.state,
    bytesDone: live.bytesDone,
    checkedBytes: record.checkedBytes,
    bytesPerSecond: Math.round(live.bytesPerSecond),
    ...(live.bytesPerSecond > 0 && remaining > 0 && record.state === 'uploading'
      ? { etaSeconds: Math.ceil(remaining / live.bytesPerSecond) }
      : {}),
    ...(totalParts && record.uploadId ? { parts: { done: record.parts.length, total: totalParts } } : {}),
    findings: record.findings.slice(0, FINDINGS_IN_ITEM),
    findingCount: record.findingCount,
    ...(record.rows !== undefined ? { rows: record.rows } : {}),
    quarantined: record.quarantined,
    ...(record.conflict ? { conflict: record.conflict } : {}),
    ...(record.note ? { note: record.note } : {}),
    ...(record.error ? { error: record.error } : {}),
    attempts: record.attempts,
    ...(record.retryAt && record.state === 'retrying'
      ? { retryAt: new Date(record.retryAt).toISOString() }
      : {}),
    ...(record.checked ? { sha256: record.checked.sha256 } : {}),
    encryption: record.encryption,
    ...(record.crawlers ? { crawlers: record.crawlers } : {}),
    createdAt: record.createdAt,
    ...(record.uploadStartedAt ? { uploadStartedAt: record.uploadStartedAt } : {}),
    ...(record.endedAt ? { endedAt: record.endedAt } : {}),
  };
}
