import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, JobMethod, JobResult, Method, Output } from '@shared/contract';
import type { Job } from '@shared/jobs.schema';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../e2e/emulator/emulator';
import { createCore, type Core, type CoreOptions } from '../core';

/** Test equipment: the AWS emulator, a fresh HOME and app home, and a core pointed at both. */
export interface AwsTestBed {
  emulator: Emulator;
  /** The HOME of the test: ~/.aws/sso/cache lives under it. */
  home: string;
  env: NodeJS.ProcessEnv;
  core: Core;
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Starts a job method and returns its job once final. */
  job(method: JobMethod, input: unknown): Promise<Job>;
  /** Signs in through the device flow, approving the code as the browser would. */
  signIn(session?: string): Promise<JobResult<'accounts.signIn'>>;
  close(): Promise<void>;
}

/** Fast retries and slow_down steps so storms and sign-ins stay within a test's time. */
export const FAST_ACCOUNTS: CoreOptions['accounts'] = {
  retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 100 },
  slowDownStepMs: 50,
};

/** Crawls and steps in the emulator take a few hundred ms: poll them every few ms, not seconds. */
export const FAST_POLL: NonNullable<CoreOptions['poll']> = { firstMs: 15, maxMs: 120, factor: 1.5 };

export async function startAwsTestBed(
  options: EmulatorOptions = {},
  tuning = FAST_ACCOUNTS,
): Promise<AwsTestBed> {
  const emulator = await startEmulator({ lifetimes: { pollIntervalSeconds: 0 }, ...options });
  const home = await mkdtemp(join(tmpdir(), 'lakedesk-aws-home-'));
  const env: NodeJS.ProcessEnv = { ...emulator.env, HOME: home, PATH: process.env.PATH };
  const core = createCore({
    home: join(home, 'app'),
    version: '0.0.0-test',
    env,
    poll: FAST_POLL,
    ...(tuning ? { accounts: tuning } : {}),
  });
  const caller = { frontDoor: 'cli' as const, trusted: true };
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = await core.router.call(method, input, caller);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as Output<M>;
  };
  const job = async (method: JobMethod, input: unknown) => {
    const result = await core.router.call(method, input, caller);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return core.services.jobs.wait((result.value as { jobId: string }).jobId);
  };
  return {
    emulator,
    home,
    env,
    core,
    call,
    job,
    async signIn(session = emulator.sessionName) {
      const done = job('accounts.signIn', { session });
      emulator.approveDevice(await emulator.waitForUserCode());
      const final = await done;
      if (final.state !== 'succeeded') throw new Error(`sign-in ${final.state}: ${final.error?.message}`);
      return final.result as JobResult<'accounts.signIn'>;
    },
    async close() {
      await core.close();
      await emulator.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}
