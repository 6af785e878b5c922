import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, JobMethod, JobResult, Method, Output } from '@shared/contract';
import { LakeError } from '@shared/errors';
import type { JobProgress } from '@shared/jobs.schema';
import { defaultAppHome } from '../core/app-home';
import { createCore, type Core } from '../core/core';
import type { Caller } from '../core/handler-types';
import type { TransferServiceOptions } from '../core/transfers/transfer-service';
import { APP_VERSION } from '../core/version';
import { ProgressLine } from './progress-line';

const cliCaller: Caller = { frontDoor: 'cli', trusted: true };

/** A core for one CLI command, and typed calls into it through the router like any front door. */
export class CliSession {
  private constructor(
    readonly core: Core,
    private readonly cleanup: () => Promise<void>,
  ) {}

  /**
   * With `lake`, the session works on that folder in a throwaway home, so a scripted
   * `--lake DIR` never changes the person's saved workspaces.
   */
  static async open(
    options: { lake?: string; transfers?: TransferServiceOptions } = {},
  ): Promise<CliSession> {
    if (options.lake === undefined) {
      const transfers = options.transfers ? { transfers: options.transfers } : {};
      const core = createCore({ home: defaultAppHome(), version: APP_VERSION, ...transfers });
      return new CliSession(core, async () => undefined);
    }
    const home = await mkdtemp(join(tmpdir(), 'lakedesk-cli-'));
    const core = createCore({ home, version: APP_VERSION });
    const session = new CliSession(core, () => rm(home, { recursive: true, force: true }));
    await session.call('workspaces.open', { kind: 'local', path: options.lake });
    return session;
  }

  /**
   * A session in a throwaway app home, for commands that open their own workspace (`--profile P`), so a
   * script never changes the person's saved workspaces. SSO sign-ins live in ~/.aws and are shared.
   * `LAKEDESK_POLL_MS` sets how soon a running crawl or step is polled again (default 2 s, backing off).
   */
  static async openScratch(env: NodeJS.ProcessEnv = process.env): Promise<CliSession> {
    const home = await mkdtemp(join(tmpdir(), 'lakedesk-cli-'));
    const pollMs = Number(env.LAKEDESK_POLL_MS);
    const poll = pollMs > 0 ? { poll: { firstMs: pollMs, maxMs: pollMs * 15, factor: 1.6 } } : {};
    const core = createCore({ home, version: APP_VERSION, env, ...poll });
    return new CliSession(core, () => rm(home, { recursive: true, force: true }));
  }

  /** Calls a method; a failure is thrown as a LakeError with its code and hint. */
  async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await this.core.router.call(method, input, cliCaller);
    if (!result.ok) throw new LakeError(result.error.code, result.error.message, result.error.hint);
    return result.value as Output<M>;
  }

  /** Starts a job method, shows its progress on a TTY, and returns its result. */
  async runJob<M extends JobMethod>(
    method: M,
    input: Input<M>,
    options: { label?: string; onProgress?: (p: JobProgress) => void } = {},
  ): Promise<JobResult<M>> {
    const { jobId } = (await this.call(method, input)) as { jobId: string };
    const line = new ProgressLine(options.label ?? method);
    const stop = this.core.services.events.subscribe((topic, payload) => {
      if (topic !== 'jobs.changed') return;
      const job = payload as { id: string; progress: JobProgress };
      if (job.id !== jobId) return;
      options.onProgress?.(job.progress);
      line.update(job.progress);
    });
    // Ctrl+C cancels the job cleanly (temp files removed) instead of killing mid-write.
    const onSigint = () => this.core.services.jobs.cancel(jobId);
    process.once('SIGINT', onSigint);
    try {
      const job = await this.core.services.jobs.wait(jobId);
      if (job.state !== 'succeeded') {
        const error = job.error ?? { code: 'INTERNAL' as const, message: `${method} ended ${job.state}.` };
        throw new LakeError(error.code, error.message, error.hint);
      }
      return job.result as JobResult<M>;
    } finally {
      process.off('SIGINT', onSigint);
      stop();
      line.clear();
    }
  }

  async close(): Promise<void> {
    await this.core.close();
    await this.cleanup();
  }
}
