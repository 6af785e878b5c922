import { describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from './http-bridge';

/** Just enough of EventSource to push messages and errors by hand. */
class FakeEventSource {
  static last: FakeEventSource | undefined;
  readyState = 1;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {
    this.readyState = 2;
  }
  push(data: unknown) {
    this.onmessage?.({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

describe('createHttpBridge', () => {
  it('posts the input as JSON to /api/<method>', async () => {
    const fetch = vi.fn(async () => json({ ok: true, value: { entries: [] } }));
    const bridge = createHttpBridge({ fetch });
    await expect(bridge.invoke('storage.list', { prefix: 'raw/' })).resolves.toEqual({
      ok: true,
      value: { entries: [] },
    });
    expect(fetch).toHaveBeenCalledWith(
      '/api/storage.list',
      expect.objectContaining({ method: 'POST', body: '{"prefix":"raw/"}', credentials: 'same-origin' }),
    );
  });

  it('passes typed errors through untouched', async () => {
    const error = { code: 'NOT_FOUND', message: 'No file raw/x.csv.' };
    const bridge = createHttpBridge({ fetch: async () => json({ ok: false, error }) });
    await expect(bridge.invoke('storage.preview', { path: 'raw/x.csv' })).resolves.toEqual({
      ok: false,
      error,
    });
  });

  it.each([401, 403])('treats HTTP %i as an expired session, once', async (status) => {
    const onAuthFailure = vi.fn();
    const fetch = vi.fn(async () => new Response('Unauthorized', { status }));
    const bridge = createHttpBridge({ fetch, onAuthFailure });
    const first = await bridge.invoke('app.info', {});
    const second = await bridge.invoke('app.info', {});
    expect(first).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', hint: expect.stringContaining('lakedesk serve') },
    });
    expect(second).toEqual(first);
    expect(onAuthFailure).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says the server is gone when fetch itself fails', async () => {
    const bridge = createHttpBridge({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const result = await bridge.invoke('app.info', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', hint: expect.stringContaining('lakedesk serve') },
    });
  });

  it('delivers events by topic from one shared stream', () => {
    const bridge = createHttpBridge({
      fetch: async () => json({}),
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    const jobs = vi.fn();
    const workspaces = vi.fn();
    const stop = bridge.on('jobs.changed', jobs);
    bridge.on('workspaces.changed', workspaces);
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/api/events');
    source.push({ topic: 'jobs.changed', payload: { id: 'j1' } });
    source.push({ topic: 'workspaces.changed', payload: { active: null } });
    stop();
    source.push({ topic: 'jobs.changed', payload: { id: 'j2' } });
    expect(jobs).toHaveBeenCalledTimes(1);
    expect(jobs).toHaveBeenCalledWith({ id: 'j1' });
    expect(workspaces).toHaveBeenCalledWith({ active: null });
  });
});
