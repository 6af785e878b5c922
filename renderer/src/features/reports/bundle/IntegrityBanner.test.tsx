import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { OpenedBundle } from '@shared/bundles.schema';
import { IntegrityBanner } from './IntegrityBanner';

const member = (path: string) => ({ path, role: 'data-csv' as const, mediaType: 'text/csv', bytes: 10 });

function bundleWith(integrity: OpenedBundle['integrity']): OpenedBundle {
  return {
    bundleId: 'b1',
    path: '/reports/gp.lakereport',
    fileName: 'gp.lakereport',
    bytes: 1000,
    integrity,
    tables: [],
    charts: [],
    manifest: {
      format: 'lakedesk-report',
      formatVersion: 1,
      title: 'Gross profit',
      kind: 'gross-profit',
      createdAt: '2025-03-01T10:00:00Z',
      appVersion: '0.1.0',
      workspace: { kind: 'local', name: 'finance', lakePath: '/lakes/finance' },
      queries: [],
      tables: [],
      charts: [],
      highlights: [],
      notes: [],
      summaryPdf: 'summary.pdf',
      members: [member('data/a.csv'), member('data/b.csv')],
    },
  };
}

afterEach(cleanup);

describe('IntegrityBanner', () => {
  it('counts every member and the manifest when all match', () => {
    render(<IntegrityBanner bundle={bundleWith({ verified: true, problems: [] })} />);
    const banner = screen.getByTestId('bundle-integrity');
    expect(banner.dataset.verified).toBe('true');
    expect(banner.textContent).toContain('Verified: 3 members match their checksums');
  });

  it('names each member that differs', () => {
    render(
      <IntegrityBanner
        bundle={bundleWith({
          verified: false,
          problems: [
            { member: 'data/a.csv', problem: 'modified', message: 'data/a.csv differs from its checksum.' },
            { member: 'extra.txt', problem: 'unexpected', message: 'extra.txt is not in checksums.json.' },
          ],
        })}
      />,
    );
    const banner = screen.getByTestId('bundle-integrity');
    expect(banner.dataset.verified).toBe('false');
    expect(banner.textContent).toContain('2 members differ');
    const problems = screen.getAllByTestId('integrity-problem');
    expect(problems.map((p) => p.dataset.member)).toEqual(['data/a.csv', 'extra.txt']);
    expect(problems[0]?.textContent).toContain('changed');
    expect(problems[1]?.textContent).toContain('added');
  });
});
