import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TransferOptions, TransferSnapshot } from '@shared/transfers.schema';
import { toErrorShape } from '../errors';
import { isTransientError } from '../storage/s3-api';
import { backoffMs, SlotLimiter } from './slot-limiter';
import { abortUpload } from './upload-abort';
import type { TransferJournal } from './transfer-journal';
import type { QueueDeps, Run, StopReason } from './queue-types';
import { Throttle, TransferProgress } from './transfer-progress';
import { FINAL_STATES, type TransferRecord } from './transfer-record';
import { runTransfer, type RunnerDeps } from './transfer-runner';

export type { QueueDeps, StopReason } from './queue-types';

const EMIT_INTERVAL_MS = 250;

/**
 * The transfer queue: runs transfers (at most `maxActiveFiles` at once, parts limited by
 * `concurrency` across all), retries a file after throttling or a lost connection with growing
 * waits, and turns pause, cancel and shutdown into the right final or resumable state.
 */
export class TransferQueue {
  readonly records = new Map<string, TransferRecord>();
  readonly progress = new TransferProgress();
  private readonly running = new Map<string, Run>();
  private readonly parts: SlotLimiter;
  private readonly checks = new SlotLimiter(2);
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly announcer: Throttle;
  private isClosed = false;

  constructor(
    private readonly deps: QueueDeps,
    public options: TransferOptions,
  ) {
    this.parts = new SlotLimiter(options.concurrency);
    this.announcer = new Throttle(EMIT_INTERVAL_MS, () => deps.emit(this.snapshot()));
  }

  setOptions(options: TransferOptions): void {
    this.options = options;
    this.parts.setLimit(options.concurrency);
    this.pump();
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /** Starts whatever may start now, and sets a timer for the next retry that is due later. */
  pump(): void {
    if (this.isClosed) return;
    clearTimeout(this.retryTimer);
    let nextRetry = Infinity;
    for (const rec of this.records.values()) {
      if (this.running.size >= this.options.maxActiveFiles) break;
      if (this.running.has(rec.id)) continue;
      if (rec.state === 'retrying' && (rec.retryAt ?? 0) > Date.now())
        nextRetry = Math.min(nextRetry, rec.retryAt!);
      else if (rec.state === 'queued' || rec.state === 'checking' || rec.state === 'retrying')
        this.start(rec);
    }
    if (nextRetry < Infinity)
      this.retryTimer = setTimeout(() => this.pump(), Math.max(0, nextRetry - Date.now()));
    this.changed();
  }

  private start(rec: TransferRecord): void {
    const controller = new AbortController();
    const entry: Run = { controller, done: Promise.resolve() };
    this.running.set(rec.id, entry);
    const runner: RunnerDeps = {
      ...this.deps,
      parts: this.parts,
      checks: this.checks,
      partSizeBytes: () => this.options.partSizeMb * 1024 * 1024,
      save: (r) => this.deps.journal.save(r),
      changed: () => this.changed(),
      progress: {
        add: (r, bytes) => (this.progress.add(r.id, bytes), this.changed()),
        base: (r, bytes) => this.progress.base(r.id, bytes),
        checked: (r, bytes) => ((r.checkedBytes = bytes), this.changed()),
      },
    };
    this.progress.base(rec.id, 0);
    entry.done = runTransfer(rec, runner, controller.signal)
      .then(
        () => this.settled(rec, entry.reason),
        (error: unknown) => this.failed(rec, entry.reason, error),
      )
      .catch(() => undefined)
      .finally(() => {
        this.running.delete(rec.id);
        this.pump();
      });
  }

  private async settled(rec: TransferRecord, reason: StopReason | undefined): Promise<void> {
    if (reason) return this.failed(rec, reason, new Error('stopped'));
    rec.error = undefined;
    // Which crawlers cover it is a remark on a finished upload: it never holds the upload up.
    if (rec.state === 'done' && this.deps.afterDone) {
      void this.deps.afterDone(rec).then(
        () => this.changed(),
        () => undefined,
      );
    }
    if (FINAL_STATES.has(rec.state)) return this.finish(rec);
    await this.deps.journal.save(rec);
  }

  private async failed(rec: TransferRecord, reason: StopReason | undefined, error: unknown): Promise<void> {
    if (reason === 'shutdown') return this.deps.journal.save(rec);
    if (reason === 'pause') {
      rec.state = 'paused';
      return this.deps.journal.save(rec);
    }
    if (reason === 'cancel') return this.cancelled(rec);
    rec.error = toErrorShape(error);
    if (isTransientError(error) && rec.attempts < this.deps.fileRetry.maxAttempts) {
      rec.attempts += 1;
      rec.state = 'retrying';
      rec.retryAt = Date.now() + backoffMs(this.deps.fileRetry, rec.attempts);
      return this.deps.journal.save(rec);
    }
    // A file that cannot work as it is (refused, changed, vanished) leaves no upload behind in S3;
    // one that ran out of retries keeps its parts, so a resume continues where it stopped.
    if (!isTransientError(error)) await this.abortUpload(rec);
    rec.state = 'failed';
    await this.finish(rec);
  }

  /** Aborts a transfer's multipart upload, if it has one (S3 frees the parts). */
  abortUpload(rec: TransferRecord): Promise<void> {
    return abortUpload(rec, this.deps.connection);
  }

  async cancelled(rec: TransferRecord): Promise<void> {
    await this.abortUpload(rec);
    rec.state = 'cancelled';
    await this.finish(rec);
  }

  /** A transfer reached a final state: its journal entry and any staged copy go. */
  async finish(rec: TransferRecord): Promise<void> {
    rec.endedAt = new Date().toISOString();
    rec.retryAt = undefined;
    this.changed();
    // A failed transfer stays journaled: it can be retried, after a restart too.
    if (rec.state === 'failed') return this.deps.journal.save(rec);
    await this.deps.journal.remove(rec.id);
    if (rec.source.staged) await rm(dirname(rec.source.path), { recursive: true, force: true });
  }

  /** Journals a record's state and announces the change. */
  saveRecord(rec: TransferRecord): Promise<void> {
    this.changed();
    return this.deps.journal.save(rec);
  }

  /** Stops a running transfer; its run settles it as paused, cancelled or left for the next start. */
  stop(id: string, reason: StopReason): Promise<void> {
    const entry = this.running.get(id);
    if (!entry) return Promise.resolve();
    entry.reason = reason;
    entry.controller.abort();
    return entry.done;
  }

  get journal(): TransferJournal {
    return this.deps.journal;
  }

  snapshot(): TransferSnapshot {
    return this.progress.snapshot(this.records.values(), this.options);
  }

  /** Announces the queue soon (at most every 250 ms, and always after the last change). */
  changed(): void {
    if (!this.isClosed) this.announcer.soon();
  }

  /** Stops everything for a shutdown: running transfers stay journaled to resume on the next start. */
  async close(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.retryTimer);
    this.announcer.cancel();
    await Promise.all([...this.running.keys()].map((id) => this.stop(id, 'shutdown')));
    await this.deps.journal.flush();
  }
}
