import { useEffect, useRef, useState } from 'react';
import { useLake } from '../../lib/LakeProvider';
import { useJobRunner } from '../../lib/useJobRunner';

const TICK_MS = 100;

/**
 * Runs queries one at a time from a view: progress, cancel, a live elapsed clock, and the engine's
 * result freed (`queries.discardResult`) once a newer one replaces it or the view goes away.
 */
export function useQueryRun() {
  const lake = useLake();
  const runner = useJobRunner('queries.run');
  const [now, setNow] = useState(() => Date.now());
  const shownResult = useRef<string | undefined>(undefined);
  const resultId = runner.result?.resultId;

  useEffect(() => {
    if (runner.state !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [runner.state]);

  useEffect(() => {
    const previous = shownResult.current;
    shownResult.current = resultId;
    if (previous && previous !== resultId)
      void lake.call('queries.discardResult', { resultId: previous }).catch(() => undefined);
  }, [lake, resultId]);

  useEffect(
    () => () => {
      const last = shownResult.current;
      if (last) void lake.call('queries.discardResult', { resultId: last }).catch(() => undefined);
    },
    [lake],
  );

  const elapsedMs =
    runner.state === 'running' && runner.startedAt !== undefined
      ? Math.max(0, now - runner.startedAt)
      : runner.startedAt !== undefined && runner.endedAt !== undefined
        ? runner.endedAt - runner.startedAt
        : undefined;

  return { ...runner, elapsedMs };
}
