import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { TransferItem, TransferSnapshot } from '@shared/transfers.schema';
import { App } from '../../../app/App';
import { routeHref } from '../../../app/route';
import { fakeBridge, shellAnswers, type Answers } from '../../../lib/fake-bridge';

const item = (over: Partial<TransferItem>): TransferItem => ({
  id: 't1',
  batchId: 'b1',
  name: 'billing.csv',
  source: '(uploaded) billing.csv',
  size: 100,
  bucket: 'lake-landing',
  key: 'monthly/billing.csv',
  uri: 's3://lake-landing/monthly/billing.csv',
  dataset: 'billing',
  state: 'queued',
  bytesDone: 0,
  checkedBytes: 0,
  bytesPerSecond: 0,
  findings: [],
  findingCount: 0,
  quarantined: false,
  attempts: 0,
  encryption: { mode: 'bucketDefault' },
  createdAt: '2025-01-01T00:00:00Z',
  ...over,
});

const snapshot = (transfers: TransferItem[]): TransferSnapshot => ({
  transfers,
  totals: {
    files: transfers.length,
    bytesDone: transfers.reduce((s, t) => s + t.bytesDone, 0),
    bytesTotal: transfers.reduce((s, t) => s + t.size, 0),
    bytesPerSecond: 0,
    byState: transfers.reduce<Record<string, number>>(
      (m, t) => ({ ...m, [t.state]: (m[t.state] ?? 0) + 1 }),
      {},
    ),
    isActive: transfers.some((t) => ['checking', 'uploading', 'retrying'].includes(t.state)),
  },
  options: { partSizeMb: 8, concurrency: 4, maxActiveFiles: 2 },
});

function core(extra: Answers = {}) {
  return fakeBridge({
    ...shellAnswers,
    'storage.list': (input) => {
      const { prefix, token } = input as { prefix: string; token?: string };
      if (prefix === '')
        return {
          prefix,
          entries: [{ name: 'lake-landing', path: 'lake-landing/', kind: 'folder', isBucket: true }],
        };
      const name = token ? 'second.csv' : 'first.csv';
      return {
        prefix,
        entries: [{ name, path: `${prefix}${name}`, kind: 'file', size: 10, storageClass: 'STANDARD' }],
        ...(token ? {} : { nextToken: 'page-2' }),
      };
    },
    'transfers.list': () => snapshot([]),
    'transfers.inspect': () => ({
      files: [
        {
          source: '(uploaded) billing.csv',
          name: 'billing.csv',
          size: 100,
          dataset: 'billing',
          isCsv: true,
          bucket: 'lake-landing',
          key: 'monthly/billing.csv',
          uri: 's3://lake-landing/monthly/billing.csv',
        },
      ],
    }),
    'transfers.enqueue': () => ({ batchId: 'b1', transfers: [item({ state: 'checking' })] }),
    'transfers.resolve': () => snapshot([item({ state: 'queued', quarantined: true })]),
    ...extra,
  });
}

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('the Lake view of an AWS workspace', () => {
  it('lists the buckets instead of the pending notice, and pages a prefix with Load more', async () => {
    window.location.hash = routeHref('lake');
    const lake = core();
    render(<App client={lake.client} />);
    const bucket = await screen.findByTestId('entry-bucket');
    expect(screen.queryByTestId('aws-area-pending')).toBeNull();
    fireEvent.click(within(bucket).getByRole('button'));
    await screen.findByText('first.csv');
    fireEvent.click(screen.getByTestId('load-more'));
    await screen.findByText('second.csv');
    expect(screen.getByText('first.csv')).toBeTruthy();
    expect(lake.called('storage.list').at(-1)?.input).toMatchObject({
      prefix: 'lake-landing/',
      token: 'page-2',
    });
    expect(screen.queryByTestId('load-more')).toBeNull();
  });

  it('sends a dropped file as bytes, shows its findings when held, and quarantines it on request', async () => {
    window.location.hash = routeHref('lake', '', { prefix: 'lake-landing/monthly/' });
    const lake = core();
    render(<App client={lake.client} />);
    const view = await screen.findByTestId('folder-view');
    await screen.findByText('first.csv');
    const file = new File(['id,company_name\n'], 'billing.csv', { type: 'text/csv' });
    fireEvent.drop(view, { dataTransfer: { files: [file], types: ['Files'] } });
    const dialog = await screen.findByTestId('upload-dialog');
    await within(dialog).findByTestId('upload-plan-file');
    expect(dialog.textContent).toContain('s3://lake-landing/monthly/billing.csv');
    expect(lake.called('transfers.inspect')[0]?.input).toMatchObject({
      to: 'lake-landing/monthly/',
      sources: [{ name: 'billing.csv', dataBase64: expect.any(String) }],
    });

    fireEvent.click(within(dialog).getByTestId('upload-start'));
    await waitFor(() => expect(lake.called('transfers.enqueue')).toHaveLength(1));
    expect(lake.called('transfers.enqueue')[0]?.input).toMatchObject({ onFindings: 'hold' });
    const finding = {
      line: 105,
      column: 'id',
      rule: 'required' as const,
      value: '',
      message: 'id is required but empty.',
    };
    await lake.emit(
      'transfers.changed',
      snapshot([item({ state: 'held', findings: [finding], findingCount: 1 })]),
    );
    expect((await within(dialog).findByTestId('finding')).textContent).toContain('105');
    expect(within(dialog).getByTestId('upload-held-note').textContent).toContain('1 file has findings');

    fireEvent.click(within(dialog).getByTestId('transfer-quarantine'));
    await waitFor(() =>
      expect(lake.called('transfers.resolve')[0]?.input).toEqual({ ids: ['t1'], action: 'quarantine' }),
    );
    await lake.emit(
      'transfers.changed',
      snapshot([item({ state: 'done', quarantined: true, bytesDone: 100 })]),
    );
    await waitFor(() => expect(screen.getByTestId('transfers-button').textContent).not.toMatch(/\d/));
  });
});
