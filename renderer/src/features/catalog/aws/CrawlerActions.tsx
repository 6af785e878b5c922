import type { Crawler } from '@shared/glue.schema';
import { Icon } from '../../../components/Icon';

/** Start a READY crawler, stop a RUNNING one; nothing to do while it is STOPPING. */
export function CrawlerActions({
  crawler,
  onStart,
  onStop,
}: {
  crawler: Crawler;
  onStart: (name: string) => void;
  onStop: (name: string) => void;
}) {
  const action =
    crawler.state === 'READY' ? (
      <button
        type="button"
        className="button small"
        onClick={() => onStart(crawler.name)}
        data-testid="crawler-start"
      >
        <Icon name="play" size={12} /> Start
      </button>
    ) : (
      <button
        type="button"
        className="button small"
        onClick={() => onStop(crawler.name)}
        disabled={crawler.state === 'STOPPING'}
        data-testid="crawler-stop"
      >
        <Icon name="stop" size={12} /> {crawler.state === 'STOPPING' ? 'Stopping…' : 'Stop'}
      </button>
    );
  return action;
}
