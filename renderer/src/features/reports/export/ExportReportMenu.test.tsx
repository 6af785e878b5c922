import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CallResult } from '@shared/errors';
import type { LakeBridge } from '@shared/lake-api';
import { ToastProvider, ToastStack } from '../../../app/ToastContext';
import { createLakeClient } from '../../../lib/lake-client';
import { LakeProvider } from '../../../lib/LakeProvider';
import { ExportReportMenu } from './ExportReportMenu';

/** A core that finishes every job at once with the file it would have written. */
function fakeCore(frontDoor: 'electron' | 'browser') {
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  const results = new Map<string, unknown>();
  const file = (path: string) => ({
    path,
    fileName: path.split('/').pop(),
    bytes: 10,
    inDownloads: path.startsWith('/home/downloads/'),
  });
  const answers: Record<string, (input: Record<string, unknown>) => unknown> = {
    'app.info': () => ({ name: 'Lakedesk', version: '0.1.0', platform: 'linux', frontDoor }),
    'app.chooseSavePath': (input) => ({ path: `/chosen/report.${(input.extensions as string[])[0]}` }),
    'reports.exportBundle': (input) => {
      results.set('j1', file((input.out as string) ?? '/home/downloads/gross-profit-1.lakereport'));
      return { jobId: 'j1' };
    },
    'reports.exportXlsx': (input) => {
      results.set('j2', file((input.out as string) ?? '/home/downloads/gross-profit-1.xlsx'));
      return { jobId: 'j2' };
    },
    'reports.forgetRecentBundle': () => [],
    'jobs.get': (input) => ({
      id: input.jobId,
      method: 'reports.exportBundle',
      title: 'Export',
      state: 'succeeded',
      progress: { done: 1 },
      startedAt: '2025-01-01T00:00:00Z',
      result: results.get(input.jobId as string),
    }),
  };
  const bridge: LakeBridge = {
    invoke: async (method, input): Promise<CallResult<unknown>> => {
      calls.push({ method, input: input as Record<string, unknown> });
      const answer = answers[method];
      return answer
        ? { ok: true, value: answer(input as Record<string, unknown>) }
        : { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
    },
    on: () => () => undefined,
  };
  return { client: createLakeClient(bridge), calls };
}

function renderMenu(core: ReturnType<typeof fakeCore>) {
  render(
    <LakeProvider client={core.client}>
      <ToastProvider>
        <ExportReportMenu
          target={{ kind: 'source', source: { kind: 'grossProfit' }, title: 'Gross profit' }}
        />
        <ToastStack />
      </ToastProvider>
    </LakeProvider>,
  );
}

async function pick(format: string) {
  const button = await screen.findByTestId('export-report-button');
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(button);
  fireEvent.click(screen.getByTestId(`export-${format}`));
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Export report', () => {
  it('asks the desktop app where to save, then writes there without a download', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const core = fakeCore('electron');
    renderMenu(core);
    await pick('bundle');
    await waitFor(() => expect(core.calls.some((c) => c.method === 'reports.exportBundle')).toBe(true));
    const dialog = core.calls.find((c) => c.method === 'app.chooseSavePath')?.input;
    expect(dialog).toMatchObject({ extensions: ['lakereport'], defaultName: 'gross-profit.lakereport' });
    expect(core.calls.find((c) => c.method === 'reports.exportBundle')?.input).toMatchObject({
      source: { kind: 'grossProfit' },
      out: '/chosen/report.lakereport',
    });
    expect(await screen.findByText('Saved report.lakereport')).toBeTruthy();
    expect(click).not.toHaveBeenCalled();
  });

  it('in browser mode, exports Excel from a fresh bundle and downloads the workbook', async () => {
    const hrefs: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      hrefs.push(this.getAttribute('href') ?? '');
    });
    const core = fakeCore('browser');
    renderMenu(core);
    await pick('xlsx');
    await waitFor(() => expect(hrefs).toEqual(['/download/gross-profit-1.xlsx']));
    expect(core.calls.some((c) => c.method === 'app.chooseSavePath')).toBe(false);
    expect(core.calls.find((c) => c.method === 'reports.exportBundle')?.input.out).toBeUndefined();
    expect(core.calls.find((c) => c.method === 'reports.exportXlsx')?.input).toEqual({
      from: { path: '/home/downloads/gross-profit-1.lakereport' },
    });
    // The bundle was only a step: it is kept off the recent reports.
    expect(core.calls.find((c) => c.method === 'reports.forgetRecentBundle')?.input).toEqual({
      path: '/home/downloads/gross-profit-1.lakereport',
    });
  });
});
