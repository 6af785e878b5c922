import { afterEach, describe, expect, it, vi } from 'vitest';
import { pollUntil, WatchSet } from './poll-backoff';

describe('pollUntil', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('backs off while nothing changes, drops back after a change, and stops when done', async () => {
    vi.useFakeTimers();
    const values = ['RUNNING', 'RUNNING', 'RUNNING', 'STOPPING', 'STOPPING', 'READY'];
    const at: number[] = [];
    const seen: string[] = [];
    const polling = pollUntil(
      async () => {
        at.push(Date.now());
        return values.shift()!;
      },
      {
        policy: { firstMs: 10, maxMs: 40, factor: 2 },
        fingerprint: (v) => v,
        isDone: (v) => v === 'READY',
        onChange: (v) => seen.push(v),
      },
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await polling).toBe('READY');
    expect(seen).toEqual(['RUNNING', 'STOPPING', 'READY']);
    // RUNNING, +10, +20 (unchanged: doubled), +40 (capped) → STOPPING, +10 (changed: reset), +20.
    expect(at.slice(1).map((t, i) => t - at[i]!)).toEqual([10, 20, 40, 10, 20]);
  });

  it('stops with CANCELLED when its signal aborts', async () => {
    const stop = new AbortController();
    const polling = pollUntil(async () => 'RUNNING', {
      policy: { firstMs: 1_000, maxMs: 1_000, factor: 1 },
      fingerprint: (v) => v,
      isDone: () => false,
      signal: stop.signal,
    });
    stop.abort();
    await expect(polling).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('WatchSet', () => {
  it('joins a running watch of the same key instead of starting another', async () => {
    const watches = new WatchSet<number>();
    let starts = 0;
    const start = async () => ((starts += 1), new Promise<number>((r) => setTimeout(() => r(starts), 10)));
    const [a, b] = await Promise.all([watches.join('k', start), watches.join('k', start)]);
    expect([a, b, starts]).toEqual([1, 1, 1]);
    expect(watches.keys()).toEqual([]);
  });
});
