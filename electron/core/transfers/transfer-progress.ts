import type { TransferItem, TransferOptions, TransferSnapshot } from '@shared/transfers.schema';
import { ACTIVE_STATES, toItem, type TransferRecord } from './transfer-record';

const NOT_COUNTED = new Set(['skipped', 'cancelled', 'held', 'conflict', 'failed']);

/** Speed is measured over this window: long enough to smooth parts landing in bursts. */
const WINDOW_MS = 5_000;

interface Live {
  bytesDone: number;
  samples: Array<{ at: number; bytes: number }>;
}

/** Bytes acknowledged per transfer, and speed over a sliding window. */
export class TransferProgress {
  private readonly live = new Map<string, Live>();

  constructor(private readonly now: () => number = Date.now) {}

  private entry(id: string): Live {
    let entry = this.live.get(id);
    if (!entry) {
      entry = { bytesDone: 0, samples: [] };
      this.live.set(id, entry);
    }
    return entry;
  }

  /** Where a run starts: bytes S3 already holds count as done, not as speed. */
  base(id: string, bytes: number): void {
    const entry = this.entry(id);
    entry.bytesDone = bytes;
    entry.samples = [];
  }

  add(id: string, bytes: number): void {
    const entry = this.entry(id);
    entry.bytesDone += bytes;
    entry.samples.push({ at: this.now(), bytes });
  }

  forget(id: string): void {
    this.live.delete(id);
  }

  bytesDone(id: string): number {
    return this.live.get(id)?.bytesDone ?? 0;
  }

  speed(id: string): number {
    const entry = this.live.get(id);
    if (!entry || entry.samples.length === 0) return 0;
    const now = this.now();
    entry.samples = entry.samples.filter((s) => now - s.at <= WINDOW_MS);
    const first = entry.samples[0];
    if (!first) return 0;
    const bytes = entry.samples.reduce((sum, s) => sum + s.bytes, 0);
    // A run that began a moment ago is measured over its own time, not the whole window.
    const span = Math.max(1_000, Math.min(WINDOW_MS, now - first.at + 500));
    return (bytes * 1000) / span;
  }

  /** The whole queue as the UI sees it. */
  snapshot(records: Iterable<TransferRecord>, options: TransferOptions): TransferSnapshot {
    const transfers: TransferItem[] = [];
    const byState: Record<string, number> = {};
    let bytesDone = 0;
    let bytesTotal = 0;
    let bytesPerSecond = 0;
    let isActive = false;
    for (const record of records) {
      const done = record.state === 'done' ? record.size : this.bytesDone(record.id);
      const speed = record.state === 'uploading' ? this.speed(record.id) : 0;
      transfers.push(toItem(record, { bytesDone: done, bytesPerSecond: speed }));
      byState[record.state] = (byState[record.state] ?? 0) + 1;
      // Totals are of what is being (or was) sent: waiting and dropped files are not counted.
      if (!NOT_COUNTED.has(record.state)) {
        bytesDone += done;
        bytesTotal += record.size;
      }
      bytesPerSecond += speed;
      isActive ||= ACTIVE_STATES.has(record.state) || record.state === 'queued';
    }
    const remaining = bytesTotal - bytesDone;
    return {
      transfers,
      totals: {
        files: transfers.length,
        bytesDone,
        bytesTotal,
        bytesPerSecond: Math.round(bytesPerSecond),
        ...(bytesPerSecond > 0 && remaining > 0 ? { etaSeconds: Math.ceil(remaining / bytesPerSecond) } : {}),
        byState,
        isActive,
      },
      options,
    };
  }
}

/** Runs `fire` at most every `intervalMs`, and always once after the last call (a trailing edge). */
export class Throttle {
  private timer: NodeJS.Timeout | undefined;
  private last = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly fire: () => void,
  ) {}

  soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.last = Date.now();
        this.fire();
      },
      Math.max(0, this.last + this.intervalMs - Date.now()),
    );
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
