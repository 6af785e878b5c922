import { useCallback, useEffect, useState } from 'react';
import type { OpenedBundle } from '@shared/bundles.schema';
import type { LakeErrorShape } from '@shared/errors';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';

/**
 * A bundle opened for as long as the view shows it: `reports.openBundle` verifies it and loads its
 * tables into a private DuckDB, and `reports.closeBundle` frees that when the view goes (or opens
 * another file). An answer that arrives after the view moved on is closed at once.
 */
export function useOpenedBundle(path: string) {
  const lake = useLake();
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ bundle?: OpenedBundle; error?: LakeErrorShape }>({});

  useEffect(() => {
    let isCurrent = true;
    let openedId: string | undefined;
    const close = (bundleId: string) =>
      void lake.call('reports.closeBundle', { bundleId }).catch(() => undefined);
    setState({});
    lake.call('reports.openBundle', { path }).then(
      (bundle) => {
        if (!isCurrent) return close(bundle.bundleId);
        openedId = bundle.bundleId;
        setState({ bundle });
      },
      (error: unknown) => isCurrent && setState({ error: toErrorShape(error) }),
    );
    return () => {
      isCurrent = false;
      if (openedId) close(openedId);
    };
  }, [lake, path, version]);

  const reopen = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reopen };
}
