import { useCallback, useEffect, useState } from 'react';
import type { LakeErrorShape } from '@shared/errors';
import type { Crawler, CrawlOutcome } from '@shared/glue.schema';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { useCall } from '../../../lib/useCall';
import { isCrawling, withCrawler } from './crawler-view';

/** Events should carry every change; this re-reads the list now and then while a crawl runs, in case one was missed. */
const SAFETY_POLL_MS = 15_000;

export interface CrawlersState {
  crawlers: Crawler[] | undefined;
  error: LakeErrorShape | undefined;
  isLoading: boolean;
  reload: () => void;
  /** How the watched crawls of this view's life ended, newest first (one per crawler). */
  outcomes: CrawlOutcome[];
  /** How many watched crawls ended while the view was open (tables may have changed with each). */
  endedCount: number;
  dismissOutcome: (crawler: string) => void;
  start: (name: string) => Promise<void>;
  stop: (name: string) => Promise<void>;
  /** A start or stop the service refused, by crawler. */
  actionErrors: Record<string, LakeErrorShape>;
  dismissError: (crawler: string) => void;
  /** Puts a crawler the view got elsewhere (created) into the list. */
  put: (crawler: Crawler) => void;
}

/**
 * The workspace's Glue crawlers, kept live: `catalog.watchCrawlers` when the view opens (the core then
 * polls the running ones, backing off), `catalog.crawlerChanged` patches the list, `catalog.crawlEnded`
 * keeps the outcome for the pipeline link.
 */
export function useCrawlers(workspaceId: string): CrawlersState {
  const lake = useLake();
  const list = useCall('catalog.listCrawlers', { workspaceId });
  const [crawlers, setCrawlers] = useState<Crawler[] | undefined>(undefined);
  const [outcomes, setOutcomes] = useState<CrawlOutcome[]>([]);
  const [endedCount, setEndedCount] = useState(0);
  const [actionErrors, setActionErrors] = useState<Record<string, LakeErrorShape>>({});
  const { reload } = list;

  useEffect(() => {
    if (list.data) setCrawlers(list.data.crawlers);
  }, [list.data]);

  const put = useCallback((crawler: Crawler) => setCrawlers((l) => withCrawler(l ?? [], crawler)), []);

  useEffect(() => {
    // Crawls started elsewhere (the CLI, a schedule, another window) are watched too.
    lake.call('catalog.watchCrawlers', { workspaceId }).catch(() => undefined);
    const offChanged = lake.on('catalog.crawlerChanged', (event) => {
      if (event.workspaceId === workspaceId) put(event.crawler);
    });
    const offEnded = lake.on('catalog.crawlEnded', (event) => {
      if (event.workspaceId !== workspaceId) return;
      put(event.outcome.crawler);
      const name = event.outcome.crawler.name;
      setOutcomes((o) => [event.outcome, ...o.filter((x) => x.crawler.name !== name)]);
      setEndedCount((n) => n + 1);
    });
    return () => {
      offChanged();
      offEnded();
    };
  }, [lake, workspaceId, put]);

  const isAnyRunning = crawlers?.some(isCrawling) ?? false;
  useEffect(() => {
    if (!isAnyRunning) return;
    const timer = setInterval(reload, SAFETY_POLL_MS);
    return () => clearInterval(timer);
  }, [isAnyRunning, reload]);

  const act = useCallback(
    async (method: 'catalog.startCrawler' | 'catalog.stopCrawler', name: string) => {
      setActionErrors(({ [name]: _gone, ...rest }) => rest);
      try {
        put(await lake.call(method, { workspaceId, name }));
      } catch (error) {
        setActionErrors((e) => ({ ...e, [name]: toErrorShape(error) }));
      }
    },
    [lake, workspaceId, put],
  );

  return {
    crawlers,
    error: list.error,
    isLoading: list.isLoading,
    reload,
    outcomes,
    endedCount,
    dismissOutcome: (crawler) => setOutcomes((o) => o.filter((x) => x.crawler.name !== crawler)),
    start: (name) => {
      // The outcome of the run before no longer says how things stand.
      setOutcomes((o) => o.filter((x) => x.crawler.name !== name));
      return act('catalog.startCrawler', name);
    },
    stop: (name) => act('catalog.stopCrawler', name),
    actionErrors,
    dismissError: (name) => setActionErrors(({ [name]: _gone, ...rest }) => rest),
    put,
  };
}
