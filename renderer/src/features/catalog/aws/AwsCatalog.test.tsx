import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Crawler, CrawlOutcome } from '@shared/glue.schema';
import { App } from '../../../app/App';
import { routeHref } from '../../../app/route';
import { fakeBridge, shellAnswers } from '../../../lib/fake-bridge';

const crawler = (state: Crawler['state'], lastCrawl?: Crawler['lastCrawl']): Crawler => ({
  name: 'lake-raw',
  state,
  role: 'AWSGlueServiceRole-lake',
  database: 'lake',
  targets: [{ path: 's3://lake-raw/', exclusions: [] }],
  ...(lastCrawl ? { lastCrawl } : {}),
});

const answers = {
  ...shellAnswers,
  'catalog.listCrawlers': () => ({ crawlers: [crawler('READY')] }),
  'catalog.watchCrawlers': () => ({ watching: [] }),
  'catalog.startCrawler': () => crawler('RUNNING'),
  'catalog.crawlerHistory': () => ({ runs: [] }),
  'catalog.listDatabases': () => ({ databases: [{ name: 'lake' }] }),
  'catalog.searchTables': () => ({ tables: [] }),
};

const outcome = (status: CrawlOutcome['status'], extra: Partial<CrawlOutcome> = {}): CrawlOutcome => ({
  crawler: crawler('READY', {
    status,
    startedAt: '2025-03-01T10:00:00Z',
    logGroup: '/aws-glue/crawlers',
    logStream: 'lake-raw',
  }),
  status,
  startedAt: '2025-03-01T10:00:00Z',
  durationMs: 1800,
  changes: [],
  tablesDeleted: 0,
  savedQueries: [],
  ...extra,
});

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('the catalog of an AWS workspace', () => {
  it('watches the crawlers when it opens, starts one, and follows it by events to what it changed', async () => {
    window.location.hash = routeHref('catalog', 'crawlers');
    const lake = fakeBridge(answers);
    render(<App client={lake.client} />);
    const row = await screen.findByTestId('crawler-row');
    expect(lake.called('catalog.watchCrawlers')).toEqual([
      { method: 'catalog.watchCrawlers', input: { workspaceId: 'aws-1' } },
    ]);
    fireEvent.click(within(row).getByTestId('crawler-start'));
    await waitFor(() =>
      expect(within(row).getByTestId('crawler-state').getAttribute('data-state')).toBe('RUNNING'),
    );

    // Another workspace's crawler of the same name is not this one.
    lake.emit('catalog.crawlerChanged', { workspaceId: 'aws-2', crawler: crawler('STOPPING') });
    expect(within(row).getByTestId('crawler-state').getAttribute('data-state')).toBe('RUNNING');

    const ended = outcome('SUCCEEDED', {
      changes: [{ database: 'lake', name: 'billing', change: 'created', location: 's3://lake-raw/billing/' }],
      savedQueries: [{ id: 'gross-profit', name: 'Gross profit', tables: ['billing', 'units_sold'] }],
    });
    lake.emit('catalog.crawlEnded', {
      workspaceId: 'aws-1',
      outcome: ended,
      title: 'Crawler lake-raw finished',
      body: '1 table changed: billing.',
    });
    expect(within(row).getByTestId('crawler-state').getAttribute('data-state')).toBe('READY');
    const panel = screen.getByTestId('crawl-outcome');
    expect(panel.getAttribute('data-status')).toBe('SUCCEEDED');
    expect(within(panel).getByTestId('changed-table').textContent).toContain('lake.billing');
    expect(within(panel).getByTestId('saved-query').textContent).toContain('Gross profit');
    expect(screen.getByTestId('toast').textContent).toContain('Crawler lake-raw finished');
  });

  it('shows a failed crawl with its error and where its log is', async () => {
    window.location.hash = routeHref('catalog', 'crawlers');
    const lake = fakeBridge(answers);
    render(<App client={lake.client} />);
    await screen.findByTestId('crawler-row');
    lake.emit('catalog.crawlEnded', {
      workspaceId: 'aws-1',
      outcome: outcome('FAILED', { errorMessage: 'Service is unable to assume role' }),
      title: 'Crawler lake-raw failed',
      body: 'Service is unable to assume role',
    });
    const error = screen.getByTestId('crawl-outcome-error');
    expect(error.textContent).toContain('Service is unable to assume role');
    expect(error.textContent).toContain('/aws-glue/crawlers');
    expect(screen.getByTestId('toast').className).toContain('toast-error');
  });

  it('keeps the local lake’s own catalog for a local workspace', async () => {
    window.location.hash = routeHref('catalog');
    const local = { id: 'w1', kind: 'local', name: 'finance', path: '/lakes/finance' };
    const lake = fakeBridge({
      ...answers,
      'workspaces.list': () => ({ workspaces: [local], activeId: 'w1' }),
      'catalog.listTables': () => ({ crawledAt: null, tables: [] }),
    });
    render(<App client={lake.client} />);
    expect(await screen.findByTestId('catalog-empty')).toBeTruthy();
    expect(lake.called('catalog.listCrawlers')).toEqual([]);
  });
});
