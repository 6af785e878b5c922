import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { CallResult } from '@shared/errors';
import type { LakeBridge } from '@shared/lake-api';
import { createLakeClient } from '../lib/lake-client';
import { App } from './App';
import { parseRoute, routeHref } from './route';

function bridgeWith(answers: Record<string, unknown>): LakeBridge {
  return {
    invoke: async (method): Promise<CallResult<unknown>> =>
      method in answers
        ? { ok: true, value: answers[method] }
        : { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } },
    on: () => () => undefined,
  };
}

const info = { name: 'Lakedesk', version: '0.1.0', platform: 'linux', frontDoor: 'browser' };
const workspace = { id: 'w1', kind: 'local', name: 'finance', path: '/lakes/finance' };

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('the shell', () => {
  it('asks for a lake folder before any area that needs one', async () => {
    window.location.hash = routeHref('catalog');
    const client = createLakeClient(
      bridgeWith({
        'app.info': info,
        'workspaces.list': { workspaces: [], activeId: null },
        'jobs.list': [],
      }),
    );
    render(<App client={client} />);
    expect(await screen.findByText('Open a local lake folder')).toBeTruthy();
    expect(screen.getByTestId('open-folder-path')).toBeTruthy();
  });

  it('shows the active workspace with its kind in the top bar', async () => {
    const client = createLakeClient(
      bridgeWith({
        'app.info': info,
        'workspaces.list': { workspaces: [workspace], activeId: 'w1' },
        'jobs.list': [],
      }),
    );
    render(<App client={client} />);
    expect((await screen.findByTestId('active-workspace-name')).textContent).toBe('finance');
    expect(screen.getByTestId('active-workspace').textContent).toContain('Local lake');
    expect(screen.getByTestId('nav-queries').getAttribute('title')).toMatch(/Ctrl\+5|⌘5/);
  });
});

describe('routes', () => {
  it('round-trips an area, a sub-view and parameters', () => {
    const route = parseRoute(routeHref('lake', '', { prefix: 'raw/billing/', file: undefined }));
    expect(route.area).toBe('lake');
    expect(route.params.get('prefix')).toBe('raw/billing/');
    expect(parseRoute('#/reports/kpi').sub).toBe('kpi');
    expect(parseRoute('#/nowhere').area).toBe('accounts');
  });
});
