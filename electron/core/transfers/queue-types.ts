import type { TransferSnapshot } from '@shared/transfers.schema';
import type { RetryPolicy } from '../aws-clients';
import type { TransferJournal } from './transfer-journal';
import type { TransferRecord } from './transfer-record';
import type { RunnerDeps } from './transfer-runner';

export type StopReason = 'pause' | 'cancel' | 'shutdown';

/** A transfer being worked on: how to stop it, why it was stopped, and when it has settled. */
export interface Run {
  controller: AbortController;
  reason?: StopReason;
  done: Promise<void>;
}

/** What the queue needs besides the records: S3, identities, the journal, and where to announce. */
export interface QueueDeps extends Pick<RunnerDeps, 'connection' | 'uploader' | 'datasets'> {
  journal: TransferJournal;
  emit(snapshot: TransferSnapshot): void;
  /** Retries of a whole file after the SDK's own retries of each request gave up. */
  fileRetry: RetryPolicy;
  /** After a transfer is done (e.g. which Glue crawlers cover it). */
  afterDone?(record: TransferRecord): Promise<void>;
}
