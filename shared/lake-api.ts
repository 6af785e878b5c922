import type { CallResult } from './errors';
import type { EventPayload, Input, Method, Output, Topic } from './contract';

/**
 * What a front door gives the renderer as `window.lake`. The Electron preload and the browser-mode
 * transport both implement it; features never know which one they run on.
 */
export interface LakeBridge {
  invoke(method: string, input: unknown): Promise<CallResult<unknown>>;
  on(topic: string, listener: (payload: unknown) => void): () => void;
  /** Desktop only: the path on disk of a file dropped on the window (browser mode has none). */
  pathForFile?(file: File): string;
}

/** The typed view of a bridge, derived from the contract. */
export interface LakeClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  on<T extends Topic>(topic: T, listener: (payload: EventPayload<T>) => void): () => void;
}
