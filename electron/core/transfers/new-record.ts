import { randomUUID } from 'node:crypto';
import type { EncryptionChoice } from '@shared/transfers.schema';
import type { AwsTargetRef } from '../storage/s3-connection';
import type { TransferRecord } from './transfer-record';
import type { PlannedFile } from './transfer-plan';

/** The choices of one drop that every file of it shares. */
export interface DropChoices {
  bucket: string;
  batchId: string;
  target: AwsTargetRef;
  dataset?: string | undefined;
  encryption: EncryptionChoice;
  onConflict: TransferRecord['onConflict'];
  onFindings: TransferRecord['onFindings'];
}

/** A transfer that has not started: it begins with its preflight (`checking`). */
export function newRecord(planned: PlannedFile, drop: DropChoices): TransferRecord {
  const hint = planned.file.datasetHint ?? drop.dataset;
  return {
    id: randomUUID(),
    batchId: drop.batchId,
    createdAt: new Date().toISOString(),
    target: drop.target,
    source: { path: planned.file.path, staged: planned.file.staged, display: planned.file.display },
    name: planned.file.name,
    bucket: drop.bucket,
    key: planned.key,
    baseKey: planned.key,
    ...(hint !== undefined ? { datasetHint: hint } : {}),
    dataset: planned.dataset?.name ?? null,
    encryption: drop.encryption,
    onConflict: drop.onConflict,
    onFindings: drop.onFindings,
    state: 'checking',
    size: planned.file.size,
    checkedBytes: 0,
    findings: [],
    findingCount: 0,
    quarantined: false,
    parts: [],
    attempts: 0,
  };
}
