import type { ServerResponse } from 'node:http';
import type { EventBus } from '../core/event-bus';

const HEARTBEAT_MS = 15_000;

/** Streams core events to one browser tab as Server-Sent Events until the tab goes away. */
export function streamEvents(res: ServerResponse, events: EventBus): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(': connected\n\n');
  const unsubscribe = events.subscribe((topic, payload) => {
    res.write(`data: ${JSON.stringify({ topic, payload })}\n\n`);
  });
  // Comments keep idle connections open through proxies and let us notice a closed tab.
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
