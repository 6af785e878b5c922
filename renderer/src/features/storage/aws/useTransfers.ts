import { useCallback, useEffect, useState } from 'react';
import type { Input } from '@shared/contract';
import type { LakeErrorShape } from '@shared/errors';
import type { TransferSnapshot } from '@shared/transfers.schema';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';

/** Queue calls that answer with the queue as it now stands. */
export type QueueMethod =
  | 'transfers.pause'
  | 'transfers.resume'
  | 'transfers.cancel'
  | 'transfers.clearFinished'
  | 'transfers.resolve';

export interface TransfersState {
  snapshot: TransferSnapshot | undefined;
  error: LakeErrorShape | undefined;
  dismissError: () => void;
  /** Runs a queue call and shows the queue it answers with (events follow anyway). */
  act: <M extends QueueMethod>(method: M, input: Input<M>) => Promise<void>;
  /** Shows a snapshot a call answered with (enqueue answers with its batch only). */
  refresh: () => void;
}

/** The transfer queue, live: `transfers.list` once, then every `transfers.changed`. */
export function useTransfers(): TransfersState {
  const lake = useLake();
  const [snapshot, setSnapshot] = useState<TransferSnapshot>();
  const [error, setError] = useState<LakeErrorShape>();

  const refresh = useCallback(() => {
    lake.call('transfers.list', {}).then(setSnapshot, (e: unknown) => setError(toErrorShape(e)));
  }, [lake]);

  useEffect(() => {
    let isLive = true;
    const off = lake.on('transfers.changed', (next) => {
      if (isLive) setSnapshot(next);
    });
    lake.call('transfers.list', {}).then(
      // An event may have arrived first: it is newer than this answer.
      (first) => isLive && setSnapshot((current) => current ?? first),
      (e: unknown) => isLive && setError(toErrorShape(e)),
    );
    return () => {
      isLive = false;
      off();
    };
  }, [lake]);

  const act = useCallback(
    async <M extends QueueMethod>(method: M, input: Input<M>) => {
      setError(undefined);
      try {
        setSnapshot((await lake.call(method, input)) as TransferSnapshot);
      } catch (e) {
        setError(toErrorShape(e));
      }
    },
    [lake],
  );
  const dismissError = useCallback(() => setError(undefined), []);
  return { snapshot, error, dismissError, act, refresh };
}
