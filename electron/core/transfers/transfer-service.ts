import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { builtInDatasets } from '@shared/datasets';
import type { ParsedInput } from '@shared/contract';
import { TransferOptions, type TransferItem, type TransferSnapshot } from '@shared/transfers.schema';
import type { RetryPolicy } from '../aws-clients';
import type { Services } from '../services';
import { activeAwsRef, type AwsTargetRef } from '../storage/s3-connection';
import { newRecord } from './new-record';
import { resume } from './queue-actions';
import { refKey, S3Connections } from './s3-connections';
import { TransferJournal } from './transfer-journal';
import { inspected, planDrop, type PlannedFile } from './transfer-plan';
import { TransferQueue } from './transfer-queue';
import { FINAL_STATES, toItem, type TransferRecord } from './transfer-record';

export interface TransferServiceOptions {
  /** The journal folder; default `<app home>/transfers`. The CLI keeps its own. */
  dir?: string;
  /** Resume interrupted transfers when the queue first opens (the desktop app); default true. */
  autoResume?: boolean;
  /** Per-request retries of the transfer S3 client (the SDK's strategy). */
  retry?: RetryPolicy;
  /** Whole-file retries after the per-request ones gave up (an outage, a storm of 503s). */
  fileRetry?: RetryPolicy;
  requestTimeoutMs?: number;
}

/** Finds the Glue crawlers that cover an uploaded prefix (`s3://bucket/prefix/`) of a workspace. */
export type CrawlerLookup = (
  workspaceId: string,
  s3Uri: string,
) => Promise<Array<{ name: string; s3Target?: string }>>;

const DEFAULT_OPTIONS: TransferOptions = { partSizeMb: 8, concurrency: 4, maxActiveFiles: 3 };
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 300, maxDelayMs: 20_000 };
const DEFAULT_FILE_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2_000, maxDelayMs: 60_000 };
const WORKING = new Set(['checking', 'queued', 'uploading', 'verifying', 'retrying']);
/** An earlier transfer of the same file to the same key in one of these states is resumed, not repeated. */
const RESUMABLE = new Set([...WORKING, 'paused', 'failed']);

/** The transfers area: the queue, its journal, and the S3 connections it uploads through. */
export class TransferService {
  private opened?: Promise<TransferQueue>;
  private crawlerLookup?: CrawlerLookup;
  readonly journal: TransferJournal;
  readonly connections: S3Connections;

  constructor(
    home: string,
    private readonly services: () => Services,
    private readonly options: TransferServiceOptions = {},
  ) {
    this.journal = new TransferJournal(options.dir ?? join(home, 'transfers'));
    const { retry = DEFAULT_RETRY, requestTimeoutMs = 120_000 } = options;
    this.connections = new S3Connections(services, { retry, requestTimeoutMs });
  }

  /** Lets the catalog area say which crawlers cover an upload (shown on done transfers). */
  useCrawlerLookup(lookup: CrawlerLookup): void {
    this.crawlerLookup = lookup;
  }

  /** The queue, opened on first use: options and journal loaded, interrupted transfers resumed. */
  queue(): Promise<TransferQueue> {
    this.opened ??= this.open();
    return this.opened;
  }

  private async open(): Promise<TransferQueue> {
    const isOwner = await this.journal.lock();
    const saved = TransferOptions.safeParse(await this.journal.readJson('options.json'));
    const queue = new TransferQueue(
      {
        connection: (rec) => this.connections.connection(rec.target),
        uploader: (rec) => this.connections.uploader(rec.target),
        datasets: async () => [...builtInDatasets],
        journal: this.journal,
        emit: (snapshot) => this.services().events.emit('transfers.changed', snapshot),
        fileRetry: this.options.fileRetry ?? DEFAULT_FILE_RETRY,
        afterDone: (rec) => this.findCrawlers(rec),
      },
      saved.success ? saved.data : DEFAULT_OPTIONS,
    );
    // Another process owns the journal: its transfers are its own, not ours to resume.
    if (isOwner) for (const rec of await this.journal.loadAll()) this.restore(queue, rec);
    queue.pump();
    return queue;
  }

  /** A journaled transfer back in the queue: interrupted work resumes (or waits, paused, in the CLI). */
  private restore(queue: TransferQueue, rec: TransferRecord): void {
    if (FINAL_STATES.has(rec.state) && rec.state !== 'failed') {
      void this.journal.remove(rec.id);
      return;
    }
    if (WORKING.has(rec.state)) {
      rec.state = this.options.autoResume === false ? 'paused' : rec.checked ? 'queued' : 'checking';
      if (rec.uploadId) rec.note = 'Interrupted when Lakedesk closed: resuming from the journal.';
    }
    rec.checkedBytes = rec.checked ? rec.size : 0;
    queue.records.set(rec.id, rec);
  }

  private async findCrawlers(rec: TransferRecord): Promise<void> {
    if (!this.crawlerLookup || !('workspaceId' in rec.target)) return;
    const folder = rec.key.includes('/') ? rec.key.slice(0, rec.key.lastIndexOf('/') + 1) : '';
    rec.crawlers = await this.crawlerLookup(rec.target.workspaceId, `s3://${rec.bucket}/${folder}`);
  }

  /** The identity a call names (a profile, a workspace), else the active AWS workspace. */
  async targetOf(input: {
    workspaceId?: string | undefined;
    profile?: string | undefined;
  }): Promise<AwsTargetRef> {
    if (input.profile !== undefined) return { profile: input.profile };
    if (input.workspaceId !== undefined) return { workspaceId: input.workspaceId };
    return activeAwsRef(this.services());
  }

  /** What a drop would do (datasets, keys), without queueing anything. */
  async inspect(input: ParsedInput<'transfers.inspect'>) {
    const staging = join(this.journal.dir, 'staging', `inspect-${randomUUID()}`);
    try {
      const { destination, planned } = await planDrop(input, builtInDatasets, staging);
      return { files: planned.map((p) => inspected(p, destination.bucket)) };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  /** Queues a drop; returns its transfers at once (the queue reports on `transfers.changed`). */
  async enqueue(
    input: ParsedInput<'transfers.enqueue'>,
  ): Promise<{ batchId: string; transfers: TransferItem[] }> {
    const target = await this.targetOf(input);
    const batchId = randomUUID();
    const { destination, planned } = await planDrop(
      input,
      builtInDatasets,
      join(this.journal.dir, 'staging', batchId),
    );
    const queue = await this.queue();
    const drop = { ...input, bucket: destination.bucket, batchId, target };
    const records: TransferRecord[] = [];
    for (const p of planned) records.push(await this.recordFor(queue, p, drop));
    queue.pump();
    const live = (r: TransferRecord) => ({ bytesDone: queue.progress.bytesDone(r.id), bytesPerSecond: 0 });
    return { batchId, transfers: records.map((r) => toItem(r, live(r))) };
  }

  /**
   * A new record, or the unfinished one for the same file and key (so running the same upload
   * again after an interruption resumes it instead of starting over).
   */
  private async recordFor(
    queue: TransferQueue,
    planned: PlannedFile,
    drop: Parameters<typeof newRecord>[1],
  ): Promise<TransferRecord> {
    const same = [...queue.records.values()].find(
      (r) =>
        RESUMABLE.has(r.state) &&
        r.source.path === planned.file.path &&
        r.bucket === drop.bucket &&
        r.baseKey === planned.key &&
        refKey(r.target) === refKey(drop.target),
    );
    if (same) {
      if (same.state === 'paused' || same.state === 'failed') await resume(queue, [same.id]);
      return same;
    }
    const rec = newRecord(planned, drop);
    queue.records.set(rec.id, rec);
    await this.journal.save(rec);
    return rec;
  }

  async list(): Promise<TransferSnapshot> {
    return (await this.queue()).snapshot();
  }

  async setOptions(next: Partial<TransferOptions>): Promise<TransferOptions> {
    const queue = await this.queue();
    const options = TransferOptions.parse({ ...queue.options, ...next });
    queue.setOptions(options);
    await this.journal.writeJson('options.json', options);
    return options;
  }

  /** Stops the queue (transfers stay journaled) and frees the S3 clients. */
  async close(): Promise<void> {
    // A run waiting for a sign-in would hold the queue's close open.
    this.connections.stopWaiting();
    if (this.opened) await (await this.opened.catch(() => undefined))?.close();
    await this.connections.close();
    await this.journal.unlock();
  }
}
