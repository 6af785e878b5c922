import type { RetryPolicy } from '../aws-clients';

/** Exponential backoff with jitter: half the wait fixed, half random, so retries spread out. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  const wait = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(wait * (0.5 + Math.random() / 2));
}

/**
 * A counting semaphore whose limit can change while in use (the person changes concurrency mid-
 * upload): parts in flight across every file take a slot each, so memory stays at about
 * `limit × part size` however many files are queued.
 */
export class SlotLimiter {
  private inUse = 0;
  private readonly waiting: Array<{ grant: () => void; signal?: AbortSignal; onAbort: () => void }> = [];

  constructor(private limit: number) {}

  setLimit(limit: number): void {
    this.limit = limit;
    this.drain();
  }

  /** Waits for a slot; rejects with the signal's reason if it is aborted first. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.inUse -= 1;
        this.drain();
      };
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', waiter.onAbort);
          resolve(release);
        },
        ...(signal ? { signal } : {}),
        onAbort: () => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiting.push(waiter);
      this.drain();
    });
  }

  private drain(): void {
    while (this.inUse < this.limit && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.inUse += 1;
      next.grant();
    }
  }
}
