import { useCallback, useEffect, useState } from 'react';
import type { Input, Method, Output } from '@shared/contract';
import type { LakeErrorShape } from '@shared/errors';
import { useLake } from './LakeProvider';
import { toErrorShape } from './lake-error';

export interface CallState<T> {
  data: T | undefined;
  error: LakeErrorShape | undefined;
  isLoading: boolean;
  reload: () => void;
}

/**
 * Calls a contract method when the component mounts and whenever the input changes (compared as
 * JSON), keeping the last data while reloading so views do not flash empty.
 */
export function useCall<M extends Method>(
  method: M,
  input: Input<M>,
  options: { skip?: boolean } = {},
): CallState<Output<M>> {
  const lake = useLake();
  const key = JSON.stringify(input);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data?: Output<M>; error?: LakeErrorShape; isLoading: boolean }>({
    isLoading: !options.skip,
  });

  useEffect(() => {
    if (options.skip) return;
    let isCurrent = true;
    setState((s) => ({ data: s.data, isLoading: true }));
    lake.call(method, JSON.parse(key) as Input<M>).then(
      (data) => isCurrent && setState({ data, isLoading: false }),
      (error: unknown) => isCurrent && setState({ error: toErrorShape(error), isLoading: false }),
    );
    return () => {
      isCurrent = false;
    };
  }, [lake, method, key, version, options.skip]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, isLoading: state.isLoading, reload };
}
