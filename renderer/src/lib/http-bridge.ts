import type { CallResult, LakeErrorShape } from '@shared/errors';
import type { LakeBridge } from '@shared/lake-api';

export interface HttpBridgeOptions {
  /** Called once when the server answers 401/403: the browser session (cookie) is gone. */
  onAuthFailure?: () => void;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  /** Delay before reopening a closed event stream. */
  reconnectMs?: number;
}

export const SESSION_EXPIRED: LakeErrorShape = {
  code: 'FORBIDDEN',
  message: 'Your browser session has expired.',
  hint: 'Reopen the URL printed by `lakedesk serve`.',
};

const SERVER_GONE: LakeErrorShape = {
  code: 'INTERNAL',
  message: 'The Lakedesk server did not answer.',
  hint: 'Check that `lakedesk serve` is still running, then try again.',
};

/**
 * Browser mode's `window.lake`: calls are `POST /api/<method>` on the same origin, events one
 * Server-Sent Events stream. Auth rides on the HttpOnly cookie the tokenized URL set, so the
 * renderer never sees the token.
 */
export function createHttpBridge(options: HttpBridgeOptions = {}): LakeBridge {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const ES = options.EventSource ?? globalThis.EventSource;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  let authFailed = false;

  const failAuth = (): void => {
    if (authFailed) return;
    authFailed = true;
    source?.close();
    options.onAuthFailure?.();
  };

  async function invoke(method: string, input: unknown): Promise<CallResult<unknown>> {
    if (authFailed) return { ok: false, error: SESSION_EXPIRED };
    let response: Response;
    try {
      response = await doFetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: SERVER_GONE };
    }
    if (response.status === 401 || response.status === 403) {
      failAuth();
      return { ok: false, error: SESSION_EXPIRED };
    }
    try {
      const body = (await response.json()) as CallResult<unknown>;
      if (body && typeof body === 'object' && 'ok' in body) return body;
    } catch {
      // Not JSON: fall through to a generic answer naming the status.
    }
    return {
      ok: false,
      error: { ...SERVER_GONE, message: `The Lakedesk server answered HTTP ${response.status}.` },
    };
  }

  function connect(): void {
    if (source || authFailed || !ES) return;
    const es = new ES('/api/events', { withCredentials: true });
    source = es;
    es.onmessage = (message: MessageEvent<string>) => {
      let parsed: { topic?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(message.data) as typeof parsed;
      } catch {
        return;
      }
      if (typeof parsed.topic !== 'string') return;
      for (const listener of listeners.get(parsed.topic) ?? []) listener(parsed.payload);
    };
    es.onerror = () => {
      // EventSource retries by itself while the stream is merely interrupted; once CLOSED it gave
      // up (a non-200 answer). A cheap call tells an expired session from a stopped server.
      if (es.readyState !== 2) return;
      source = null;
      void invoke('app.info', {}).then(() => {
        if (!authFailed && hasListeners()) setTimeout(connect, options.reconnectMs ?? 2000);
      });
    };
  }

  const hasListeners = (): boolean => [...listeners.values()].some((set) => set.size > 0);

  function on(topic: string, listener: (payload: unknown) => void): () => void {
    let set = listeners.get(topic);
    if (!set) listeners.set(topic, (set = new Set()));
    set.add(listener);
    connect();
    return () => {
      set.delete(listener);
    };
  }

  return { invoke, on };
}
