import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../app/App';
import { routeHref } from '../../app/route';
import { fakeBridge, type Answers } from '../../lib/fake-bridge';

const target = {
  ssoSession: 'acme',
  accountId: '111122223333',
  accountName: 'finance-prod',
  roleName: 'ReadOnly',
  region: 'eu-west-1',
  colour: '#c62828',
};
const awsWorkspace = {
  id: 'aws-1',
  kind: 'aws',
  name: 'finance-prod · ReadOnly · eu-west-1',
  path: '',
  aws: target,
};
const signedIn = { session: 'acme', state: 'signedIn', expiresAt: '2999-01-01T00:00:00Z', canRefresh: true };
const organisation = {
  name: 'acme',
  startUrl: 'https://acme.awsapps.com/start',
  region: 'eu-west-1',
  scopes: ['sso:account:access'],
  source: 'sso-session',
  profiles: [],
  signIn: signedIn,
};
const answers: Answers = {
  'app.info': () => ({ name: 'Lakedesk', version: '0.1.0', platform: 'linux', frontDoor: 'browser' }),
  'workspaces.list': () => ({ workspaces: [awsWorkspace], activeId: 'aws-1' }),
  'jobs.list': () => [],
  'accounts.listOrganisations': () => ({ organisations: [organisation] }),
  'accounts.whoami': () => ({
    accountId: '111122223333',
    arn: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_ReadOnly_0a1b/jane@example.com',
    userId: 'AROAEXAMPLE:jane@example.com',
  }),
  'accounts.status': () => ({
    session: 'acme',
    state: 'expired',
    expiresAt: '2000-01-01T00:00:00Z',
    canRefresh: false,
  }),
  'accounts.signIn': () => ({ jobId: 'job-1' }),
  'jobs.get': () => ({
    id: 'job-1',
    method: 'accounts.signIn',
    title: 'Sign in to acme',
    state: 'running',
    progress: { done: 0 },
    startedAt: '2025-01-01T00:00:00Z',
  }),
};

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.location.hash = '';
});

const pendingPrompt = {
  jobId: 'job-1',
  verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
  verificationUriComplete: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=BCDF-GHJK',
  userCode: 'BCDF-GHJK',
  expiresAt: '2999-01-01T00:00:00Z',
};

describe('signing in from Accounts', () => {
  it('opens the approval page in the system browser in the desktop app, and shows the code', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    window.location.hash = routeHref('accounts');
    const lake = fakeBridge({
      ...answers,
      'app.info': () => ({ name: 'Lakedesk', version: '0.1.0', platform: 'linux', frontDoor: 'electron' }),
      'accounts.listOrganisations': () => ({
        organisations: [
          { ...organisation, signIn: { session: 'acme', state: 'signedOut', canRefresh: false } },
        ],
      }),
    });
    render(<App client={lake.client} />);
    fireEvent.click(await screen.findByTestId('organisation-sign-in'));
    await waitFor(() => expect(lake.calls.some((c) => c.method === 'accounts.signIn')).toBe(true));
    lake.emit('accounts.sessionChanged', {
      session: 'acme',
      state: 'pending',
      canRefresh: false,
      pending: pendingPrompt,
    });
    expect((await screen.findByTestId('device-code-value')).textContent).toBe('BCDF-GHJK');
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith(
        pendingPrompt.verificationUriComplete,
        '_blank',
        'noopener,noreferrer',
      ),
    );
    expect(open).toHaveBeenCalledTimes(1);
  });
});

describe('an AWS workspace in the shell', () => {
  it('is labelled in the top bar by account, id, role, region, colour and identity', async () => {
    render(<App client={fakeBridge(answers).client} />);
    const bar = await screen.findByTestId('active-workspace');
    expect(within(bar).getByTestId('active-workspace-name').textContent).toBe('finance-prod');
    expect(within(bar).getByTestId('active-workspace-account-id').textContent).toBe('111122223333');
    expect(within(bar).getByTestId('active-workspace-role').textContent).toBe('ReadOnly');
    expect(within(bar).getByTestId('active-workspace-region').textContent).toBe('eu-west-1');
    expect(within(bar).getByTestId('colour-chip').getAttribute('data-colour')).toBe('#c62828');
    expect((await within(bar).findByTestId('active-workspace-identity')).textContent).toBe(
      'as jane@example.com',
    );
  });

  it('shows local-only areas a notice instead of their failing view', async () => {
    window.location.hash = routeHref('queries');
    render(<App client={fakeBridge(answers).client} />);
    const notice = await screen.findByTestId('aws-area-pending');
    expect(notice.textContent).toContain('Queries for AWS workspaces arrive with Athena');
    expect(notice.textContent).toContain('finance-prod (111122223333) · ReadOnly · eu-west-1');
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });
});

describe('when paused work needs a sign-in', () => {
  const required = {
    session: 'acme',
    startUrl: 'https://acme.awsapps.com/start',
    reason: 'expired',
    message: 'The sign-in to acme has expired.',
  };

  it('asks once, shows the code, and goes away once signed in again', async () => {
    const lake = fakeBridge(answers);
    render(<App client={lake.client} />);
    await screen.findByTestId('active-workspace-name');
    lake.emit('accounts.signInRequired', required);
    lake.emit('accounts.signInRequired', required);
    const prompts = await screen.findAllByTestId('sign-in-required');
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.textContent).toContain('Your sign-in to acme expired — work is paused.');

    fireEvent.click(screen.getByTestId('sign-in-again'));
    await waitFor(() => expect(lake.calls.some((c) => c.method === 'accounts.signIn')).toBe(true));
    lake.emit('accounts.sessionChanged', {
      session: 'acme',
      state: 'pending',
      canRefresh: false,
      pending: pendingPrompt,
    });
    const prompt = screen.getByTestId('sign-in-required');
    expect(within(prompt).getByTestId('device-code-value').textContent).toBe('BCDF-GHJK');
    const link = within(prompt).getByTestId('device-code-link');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');

    // A renewed token alone does not resume paused work: only a finished sign-in settles the prompt.
    lake.emit('accounts.sessionChanged', signedIn);
    expect(screen.getByTestId('sign-in-required')).toBeTruthy();
    lake.emit('jobs.changed', {
      ...(answers['jobs.get']!({}) as object),
      state: 'succeeded',
      endedAt: '2025-01-01T00:00:05Z',
      result: { session: 'acme', expiresAt: '2999-01-01T00:00:00Z' },
    });
    expect(screen.queryByTestId('sign-in-required')).toBeNull();
  });

  it('can be dismissed without signing in', async () => {
    const lake = fakeBridge(answers);
    render(<App client={lake.client} />);
    await screen.findByTestId('active-workspace-name');
    lake.emit('accounts.signInRequired', required);
    fireEvent.click(
      within(await screen.findByTestId('sign-in-required')).getByRole('button', { name: 'Dismiss' }),
    );
    expect(screen.queryByTestId('sign-in-required')).toBeNull();
    expect(lake.calls.some((c) => c.method === 'accounts.signIn')).toBe(false);
  });
});
