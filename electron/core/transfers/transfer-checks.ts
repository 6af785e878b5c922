import { extname } from 'node:path';
import { recogniseDataset } from '@shared/datasets';
import type { DatasetContract } from '@shared/storage.schema';
import { lakedeskMetadataOf } from '../storage/object-metadata';
import type { S3Api } from '../storage/s3-api';
import { datasetOf, isCsvName } from './destination-template';
import { preflightFile } from './preflight';
import type { TransferRecord } from './transfer-record';

/** Findings kept per file: enough to fix it, small enough to journal and send. */
export const MAX_FINDINGS_PER_FILE = 1000;

/**
 * The preflight of a transfer: validation (same validator as the local lake) and SHA-256. A file
 * with findings is held, skipped or sent to `quarantine/…`, as the person chose.
 */
export async function checkSource(
  rec: TransferRecord,
  datasets: readonly DatasetContract[],
  signal: AbortSignal,
  onBytes: (bytes: number) => void,
): Promise<void> {
  const isCsv = isCsvName(rec.name);
  const named = rec.datasetHint !== undefined ? datasetOf(undefined, datasets, rec.datasetHint) : undefined;
  const pick = isCsv ? (header: readonly string[]) => named ?? recogniseDataset(header, datasets) : undefined;
  const result = await preflightFile(rec.source.path, pick, {
    signal,
    onBytes,
    maxFindings: MAX_FINDINGS_PER_FILE,
  });
  const report = result.report;
  rec.checked = { size: result.size, mtimeMs: result.mtimeMs, sha256: result.sha256 };
  rec.size = result.size;
  rec.dataset = report?.dataset ?? null;
  rec.findings = report?.errors ?? [];
  rec.findingCount = report?.findingCount ?? report?.errors.length ?? 0;
  rec.rows = report?.rows;
  rec.note =
    result.size === 0
      ? 'Empty file (0 bytes): uploaded as an empty object.'
      : !isCsv
        ? 'Not a CSV: uploaded as it is, without validation.'
        : !report
          ? 'Its header matches no known dataset: uploaded without validation.'
          : undefined;
  if (!report || report.ok) return;
  const count = rec.findingCount.toLocaleString('en-US');
  if (rec.onFindings === 'quarantine') {
    rec.quarantined = true;
    rec.key = `quarantine/${rec.baseKey}`;
    rec.note = `${count} finding(s): uploaded to quarantine/, never among the valid data.`;
  } else {
    rec.state = rec.onFindings === 'skip' ? 'skipped' : 'held';
    rec.note = `${count} finding(s) in ${rec.dataset} data: ${rec.state === 'held' ? 'held back — fix it and recheck, skip it, or send it to quarantine/' : 'skipped'}.`;
  }
}

/** The first of `name (2).ext`, `name (3).ext`, … that is free in the bucket. */
async function freeKey(api: S3Api, bucket: string, key: string, signal: AbortSignal): Promise<string> {
  const ext = extname(key);
  const stem = key.slice(0, key.length - ext.length);
  for (let n = 2; n < 10_000; n += 1) {
    const candidate = `${stem} (${n})${ext}`;
    if (!(await api.head(bucket, candidate, signal))) return candidate;
  }
  throw new Error(`No free name for ${key}.`);
}

/**
 * An object already at the key: the same content (size and SHA-256) is skipped; otherwise the
 * person's choice applies (skip, overwrite, keep both), or the transfer waits in `conflict`.
 * Returns whether to upload.
 */
export async function checkConflict(rec: TransferRecord, api: S3Api, signal: AbortSignal): Promise<boolean> {
  if (rec.conflictDecision === 'overwrite') return true;
  const head = await api.head(rec.bucket, rec.key, signal);
  if (!head) return true;
  const sameContent =
    head.size === rec.size && lakedeskMetadataOf(head.metadata)?.sha256 === rec.checked!.sha256;
  rec.conflict = {
    size: head.size,
    ...(head.modifiedAt ? { modifiedAt: head.modifiedAt } : {}),
    sameContent,
  };
  if (sameContent) {
    rec.state = 'skipped';
    rec.note = 'The same file (same size and SHA-256) is already there: nothing to upload.';
    return false;
  }
  const policy = rec.conflictDecision ?? rec.onConflict;
  if (policy === 'overwrite') return true;
  if (policy === 'keepBoth') {
    rec.key = await freeKey(api, rec.bucket, rec.key, signal);
    rec.note = `Another object was at the key: kept both, this one as ${rec.key.split('/').pop()}.`;
    return true;
  }
  rec.state = policy === 'skip' ? 'skipped' : 'conflict';
  rec.note = `A different object (${head.size.toLocaleString('en-US')} bytes) is already at ${rec.key}${policy === 'skip' ? ': skipped' : ': skip, overwrite or keep both?'}.`;
  return false;
}
