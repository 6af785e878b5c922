import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../app/App';
import { openReportHref, reportFilesHref } from './report-routes';
import { fakeBridge, type Answers } from '../../../lib/fake-bridge';

const awsWorkspace = {
  id: 'aws-1',
  kind: 'aws',
  name: 'finance-prod · ReadOnly · eu-west-1',
  path: '',
  aws: {
    ssoSession: 'acme',
    accountId: '111122223333',
    accountName: 'finance-prod',
    roleName: 'ReadOnly',
    region: 'eu-west-1',
    colour: '#c62828',
  },
};

const opened = {
  bundleId: 'b1',
  path: '/reports/gp.lakereport',
  fileName: 'gp.lakereport',
  bytes: 4096,
  integrity: {
    verified: false,
    problems: [{ member: 'data/gross_profit.csv', problem: 'modified', message: 'It changed.' }],
  },
  tables: [],
  charts: [],
  manifest: {
    format: 'lakedesk-report',
    formatVersion: 1,
    title: 'Gross profit',
    kind: 'gross-profit',
    createdAt: '2025-03-01T10:00:00Z',
    appVersion: '0.1.0',
    workspace: {
      kind: 'aws',
      name: 'prod',
      accountId: '111122223333',
      roleName: 'ReadOnly',
      region: 'eu-west-1',
    },
    queries: [
      {
        table: 'gross_profit',
        title: 'Gross profit',
        sql: 'SELECT 1',
        params: { month: '2025-02' },
        engine: 'athena',
        executionId: 'qe-123',
        dataScannedBytes: 2048,
        rowCount: 79,
      },
    ],
    tables: [],
    charts: [],
    highlights: [{ label: 'Revenue', value: '$696,870.48' }],
    notes: [],
    summaryPdf: 'summary.pdf',
    members: [],
  },
};

const answers: Answers = {
  'app.info': () => ({ name: 'Lakedesk', version: '0.1.0', platform: 'linux', frontDoor: 'browser' }),
  'workspaces.list': () => ({ workspaces: [awsWorkspace], activeId: 'aws-1' }),
  'jobs.list': () => [],
  'accounts.listOrganisations': () => ({ organisations: [] }),
  'reports.recentBundles': () => [
    {
      path: '/reports/old.lakereport',
      fileName: 'old.lakereport',
      title: 'KPI dashboard',
      kind: 'kpis',
      createdAt: '2025-01-01T00:00:00Z',
      openedAt: '2025-01-02T00:00:00Z',
      exists: false,
    },
  ],
  'reports.openBundle': () => opened,
  'reports.closeBundle': () => ({}),
};

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('report files in an AWS workspace', () => {
  it('lists recent reports, marking a missing file, instead of the AWS notice', async () => {
    window.location.hash = reportFilesHref();
    const lake = fakeBridge(answers);
    render(<App client={lake.client} />);
    const item = await screen.findByTestId('recent-report');
    expect(screen.queryByTestId('aws-area-pending')).toBeNull();
    expect(item.dataset.exists).toBe('false');
    expect(item.textContent).toContain('File missing');
    expect((screen.getByTestId('recent-open') as HTMLButtonElement).disabled).toBe(true);
  });

  it('opens a report the desktop app asks for, shows what differs, and closes it', async () => {
    window.location.hash = reportFilesHref();
    const lake = fakeBridge(answers);
    render(<App client={lake.client} />);
    await screen.findByTestId('report-files');
    lake.emit('app.openReport', { path: '/reports/gp.lakereport' });
    await waitFor(() => expect(window.location.hash).toBe(openReportHref('/reports/gp.lakereport')));
    const banner = await screen.findByTestId('bundle-integrity');
    expect(banner.dataset.verified).toBe('false');
    expect(screen.getByTestId('integrity-problem').dataset.member).toBe('data/gross_profit.csv');
    expect(screen.getByTestId('manifest-execution-id').textContent).toBe('qe-123');
    expect(screen.getByTestId('manifest-params').textContent).toContain('month = 2025-02');
    expect(screen.getByTestId('manifest-workspace').textContent).toContain('111122223333');
    fireEvent.click(screen.getByTestId('bundle-close'));
    await waitFor(() =>
      expect(lake.calls.find((c) => c.method === 'reports.closeBundle')?.input).toEqual({ bundleId: 'b1' }),
    );
  });
});
