import { cancelledError } from './errors';

/** How often to poll remote work (a crawl, an EMR step): fast after a change, slower while idle. */
export interface PollPolicy {
  firstMs: number;
  maxMs: number;
  /** Each poll that sees no change waits this many times longer, up to `maxMs`. */
  factor: number;
}

/** Crawls and steps take minutes: 2 s right after a change, backing off to 30 s. */
export const DEFAULT_POLL: PollPolicy = { firstMs: 2_000, maxMs: 30_000, factor: 1.6 };

/** Resolves after `ms`, or rejects with CANCELLED when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface PollOptions<T> {
  /** The value's identity for change detection (state, last run…). */
  fingerprint(value: T): string;
  isDone(value: T): boolean;
  onChange?(value: T): void;
  policy: PollPolicy;
  /** Stops polling (app quit); the poll rejects with CANCELLED. */
  signal?: AbortSignal;
}

/**
 * Reads `read` until `isDone`, calling `onChange` whenever the fingerprint changes. The wait between
 * reads grows while nothing changes and drops back after a change, so a long crawl costs a few calls a
 * minute and a state change still shows within seconds.
 */
export async function pollUntil<T>(read: () => Promise<T>, options: PollOptions<T>): Promise<T> {
  const { policy } = options;
  let delay = policy.firstMs;
  let last: string | undefined;
  for (;;) {
    const value = await read();
    const print = options.fingerprint(value);
    if (print !== last) {
      last = print;
      delay = policy.firstMs;
      options.onChange?.(value);
    } else {
      delay = Math.min(policy.maxMs, Math.round(delay * policy.factor));
    }
    if (options.isDone(value)) return value;
    await sleep(delay, options.signal);
  }
}

/**
 * Background watches, one per key (a crawler, a step): asking to watch what is already watched joins
 * the running watch. `close` stops them all.
 */
export class WatchSet<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly stop = new AbortController();

  get signal(): AbortSignal {
    return this.stop.signal;
  }

  /** Whether `close` was called (the app is quitting): remote work must then be left running. */
  get isClosed(): boolean {
    return this.stop.signal.aborted;
  }

  keys(): string[] {
    return [...this.running.keys()];
  }

  /** The running watch of `key`, or a new one from `start`. */
  join(key: string, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) return existing;
    const watch = start(this.stop.signal).finally(() => this.running.delete(key));
    // Nobody may await a background watch; its failure is reported through events, not here.
    watch.catch(() => undefined);
    this.running.set(key, watch);
    return watch;
  }

  close(): void {
    this.stop.abort();
  }
}
