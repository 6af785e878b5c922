import type { EventPayload, Topic } from '@shared/contract';

export type BusListener = <T extends Topic>(topic: T, payload: EventPayload<T>) => void;

/** Fans core events out to every front door that listens (IPC windows, browser tabs, the CLI). */
export class EventBus {
  private readonly listeners = new Set<BusListener>();

  emit<T extends Topic>(topic: T, payload: EventPayload<T>): void {
    for (const listener of this.listeners) {
      try {
        listener(topic, payload);
      } catch {
        // One broken listener (a closed window, a dropped stream) must not starve the others.
      }
    }
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
