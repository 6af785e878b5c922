import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '@shared/errors';
import type { Job } from '@shared/jobs.schema';
import type { LakeBridge } from '@shared/lake-api';
import { createLakeClient, pickBridge } from './lake-client';
import { LakeCallError } from './lake-error';

/** A bridge whose calls answer from a table and whose events the test fires by hand. */
function fakeBridge(answers: Record<string, (input: unknown) => CallResult<unknown>>) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { method: string; input: unknown }[] = [];
  const bridge: LakeBridge = {
    invoke: async (method, input) => {
      calls.push({ method, input });
      const answer = answers[method];
      return answer ? answer(input) : { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
    },
    on: (topic, listener) => {
      const set = listeners.get(topic) ?? new Set();
      listeners.set(topic, set.add(listener));
      return () => set.delete(listener);
    },
  };
  const emit = (topic: string, payload: unknown) => listeners.get(topic)?.forEach((l) => l(payload));
  return { bridge, calls, emit };
}

const job = (over: Partial<Job>): Job => ({
  id: 'j1',
  method: 'catalog.crawl',
  title: 'Crawl the lake',
  state: 'running',
  progress: { done: 0 },
  startedAt: '2025-01-01T00:00:00Z',
  ...over,
});

const crawlResult = {
  tablesCreated: ['orders'],
  tablesUpdated: [],
  tablesDeleted: [],
  tables: 1,
  durationMs: 5,
  problems: [],
};

afterEach(() => {
  delete window.lake;
  vi.unstubAllGlobals();
});

describe('pickBridge', () => {
  it('uses the preload bridge in Electron', () => {
    const { bridge } = fakeBridge({});
    window.lake = bridge;
    expect(pickBridge()).toBe(bridge);
  });

  it('falls back to HTTP on the same origin in browser mode', async () => {
    const fetch = vi.fn(
      async () => new Response(JSON.stringify({ ok: true, value: 'pong' }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetch);
    const result = await pickBridge().invoke('app.info', {});
    expect(result).toEqual({ ok: true, value: 'pong' });
    expect(fetch).toHaveBeenCalledWith(
      '/api/app.info',
      expect.objectContaining({ method: 'POST', credentials: 'same-origin', body: '{}' }),
    );
  });
});

describe('call', () => {
  it('returns the value checked against the contract', async () => {
    const info = { name: 'Lakedesk', version: '0.1.0', platform: 'linux', frontDoor: 'browser' };
    const { bridge } = fakeBridge({ 'app.info': () => ({ ok: true, value: info }) });
    await expect(createLakeClient(bridge).call('app.info', {})).resolves.toEqual(info);
  });

  it('throws the core error with its code, message and hint', async () => {
    const error = { code: 'NO_WORKSPACE', message: 'No lake is open.', hint: 'Open a folder.' } as const;
    const { bridge } = fakeBridge({ 'catalog.listTables': () => ({ ok: false, error }) });
    const failure = await createLakeClient(bridge)
      .call('catalog.listTables', {})
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LakeCallError);
    expect((failure as LakeCallError).toShape()).toEqual(error);
  });

  it('reports an answer of the wrong shape as INTERNAL instead of passing it on', async () => {
    const { bridge } = fakeBridge({ 'app.info': () => ({ ok: true, value: { name: 42 } }) });
    await expect(createLakeClient(bridge).call('app.info', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('runJob', () => {
  it('reports progress and resolves with the parsed job result', async () => {
    const { bridge, emit } = fakeBridge({
      'catalog.crawl': () => ({ ok: true, value: { jobId: 'j1' } }),
      'jobs.get': () => ({ ok: true, value: job({}) }),
    });
    const onProgress = vi.fn();
    const done = createLakeClient(bridge).runJob('catalog.crawl', {}, { onProgress });
    await vi.waitFor(() => expect(onProgress).toHaveBeenCalled());
    emit('jobs.changed', job({ progress: { done: 2, total: 4 } }));
    emit('jobs.changed', job({ id: 'other', state: 'succeeded', result: { nope: true } }));
    emit('jobs.changed', job({ state: 'succeeded', result: crawlResult }));
    await expect(done).resolves.toEqual(crawlResult);
    expect(onProgress).toHaveBeenCalledWith(expect.objectContaining({ progress: { done: 2, total: 4 } }));
  });

  it('finds a job that finished before its events were subscribed', async () => {
    const { bridge } = fakeBridge({
      'catalog.crawl': () => ({ ok: true, value: { jobId: 'j1' } }),
      'jobs.get': () => ({ ok: true, value: job({ state: 'succeeded', result: crawlResult }) }),
    });
    await expect(createLakeClient(bridge).runJob('catalog.crawl', {})).resolves.toEqual(crawlResult);
  });

  it('rejects with the job error when the job fails', async () => {
    const error = {
      code: 'QUERY_FAILED',
      message: 'Table orders does not exist.',
      hint: 'Crawl the lake.',
    } as const;
    const { bridge } = fakeBridge({
      'queries.run': () => ({ ok: true, value: { jobId: 'j1' } }),
      'jobs.get': () => ({ ok: true, value: job({ method: 'queries.run', state: 'failed', error }) }),
    });
    await expect(createLakeClient(bridge).runJob('queries.run', { sql: 'select 1' })).rejects.toMatchObject(
      error,
    );
  });

  it('asks the core to cancel when the signal aborts', async () => {
    const { bridge, calls } = fakeBridge({
      'catalog.crawl': () => ({ ok: true, value: { jobId: 'j1' } }),
      'jobs.get': () => ({ ok: true, value: job({}) }),
      'jobs.cancel': () => ({ ok: true, value: { cancelled: true } }),
    });
    const abort = new AbortController();
    const done = createLakeClient(bridge).runJob(
      'catalog.crawl',
      {},
      { signal: abort.signal, onStart: () => abort.abort() },
    );
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(calls).toContainEqual({ method: 'jobs.cancel', input: { jobId: 'j1' } });
  });
});
