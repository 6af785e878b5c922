import { useEffect } from 'react';
import { useLake } from '../../lib/LakeProvider';
import { useCall } from '../../lib/useCall';

/** The catalog, reloaded whenever a crawl succeeds, wherever it was started from. */
export function useCatalog() {
  const lake = useLake();
  const catalog = useCall('catalog.listTables', {});
  const { reload } = catalog;
  useEffect(
    () =>
      lake.on('jobs.changed', (job) => {
        if (job.method === 'catalog.crawl' && job.state === 'succeeded') reload();
      }),
    [lake, reload],
  );
  return catalog;
}
