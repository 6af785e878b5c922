import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '@shared/contract';
import { abortableSleep } from './device-sign-in';
import { FAST_ACCOUNTS, startAwsTestBed, type AwsTestBed } from './test-aws';

/**
 * Sign-ins here last 2 s and cannot be renewed (the SSO session is shorter than the token), so
 * long work outlives them: it must pause, ask once, and resume after the person signs in again.
 */
describe('a sign-in that expires during long work', () => {
  let bed: AwsTestBed;
  let workspaceId: string;
  const required: Array<EventPayload<'accounts.signInRequired'>> = [];

  beforeAll(async () => {
    bed = await startAwsTestBed(
      {
        accounts: 2,
        s3: false,
        lifetimes: {
          pollIntervalSeconds: 0,
          accessTokenSeconds: 2,
          refreshTokenSeconds: 0.5,
          roleCredentialsSeconds: 1,
        },
      },
      { ...FAST_ACCOUNTS, refreshWindowMs: 500 },
    );
    bed.core.services.events.subscribe(
      (topic, payload) => topic === 'accounts.signInRequired' && required.push(payload as never),
    );
    await bed.signIn();
    workspaceId = (
      await bed.call('accounts.openWorkspace', {
        session: 'emulator',
        accountId: '100000000000',
        roleName: 'FinanceAnalyst',
        region: 'eu-west-1',
      })
    ).id;
  });
  afterAll(() => bed.close());

  /** A job that calls AWS every 200 ms, `steps` times, and returns the accounts it saw. */
  function startWork(steps: number) {
    return bed.core.services.jobs.start('test.longWork', 'Long AWS work', async (control) => {
      const seen: string[] = [];
      for (let i = 0; i < steps; i += 1) {
        const who = await bed.core.services.accounts.access.whoamiWorkspace(workspaceId, {
          pauseOnExpiry: true,
          signal: control.signal,
        });
        seen.push(who.accountId);
        control.progress({ done: i + 1, total: steps });
        await abortableSleep(200, control.signal);
      }
      return seen;
    });
  }

  it('pauses every job, asks once, and resumes all after signing in again; a cancelled one stops', async () => {
    const jobs = bed.core.services.jobs;
    const first = startWork(14);
    const second = startWork(14);
    const third = startWork(14);
    for (let waited = 0; required.length === 0; waited += 50) {
      if (waited > 6_000) throw new Error('the sign-in never expired');
      await abortableSleep(50, new AbortController().signal);
    }
    expect(required).toEqual([
      expect.objectContaining({
        session: 'emulator',
        startUrl: bed.emulator.startUrl,
        reason: expect.stringMatching(/expired|rejected/),
      }),
    ]);
    // Paused, not failed: nothing is lost while the person signs in.
    await abortableSleep(300, new AbortController().signal);
    expect([jobs.get(first.id).state, jobs.get(second.id).state, jobs.get(third.id).state]).toEqual([
      'running',
      'running',
      'running',
    ]);
    const pausedAt = jobs.get(first.id).progress.done;
    expect(pausedAt).toBeLessThan(14);
    jobs.cancel(third.id);
    expect((await jobs.wait(third.id)).state).toBe('cancelled');

    await bed.signIn();
    const [a, b] = await Promise.all([jobs.wait(first.id), jobs.wait(second.id)]);
    expect(a).toMatchObject({ state: 'succeeded', progress: { done: 14 } });
    expect(b.state).toBe('succeeded');
    expect(a.result).toEqual(Array(14).fill('100000000000'));
    expect(required).toHaveLength(1);
  }, 20_000);

  it('fails at once with SIGN_IN_REQUIRED where nobody can sign in (the CLI, quick calls)', async () => {
    bed.emulator.faults.expireTokens({ refreshTokens: true });
    await abortableSleep(2_100, new AbortController().signal);
    await expect(bed.call('accounts.whoami', { workspaceId })).rejects.toMatchObject({
      code: 'SIGN_IN_REQUIRED',
      hint: expect.stringContaining('Sign in again'),
    });
    expect((await bed.call('accounts.status', { session: 'emulator' })).state).toBe('expired');
  });
});
