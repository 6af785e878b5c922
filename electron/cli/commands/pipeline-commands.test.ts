import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../../../e2e/emulator/emulator';
import { fixtureLake } from '../../core/engine/test-lakes';
import { registerCrawlerCommand } from './crawler';
import { registerSsoCommand } from './sso';
import { registerClusterCommand, registerStepCommand } from './step';

/** Runs `lakedesk …` in-process; returns exit code, stdout and stderr. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command('lakedesk').exitOverride();
  for (const register of [
    registerSsoCommand,
    registerCrawlerCommand,
    registerClusterCommand,
    registerStepCommand,
  ])
    register(program);
  let out = '';
  let err = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
  const errWrite = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
  try {
    process.exitCode = 0;
    // commander's own usage errors come back as a throw; the CLI's main() turns them into exit 2.
    await program.parseAsync(['node', 'lakedesk', ...args]).catch(() => (process.exitCode = 2));
    return { code: Number(process.exitCode ?? 0), out, err };
  } finally {
    write.mockRestore();
    errWrite.mockRestore();
    process.exitCode = 0;
  }
}

describe('lakedesk crawler / cluster / step against the emulator', () => {
  let emulator: Emulator;
  let home: string;
  const saved = { ...process.env };
  const profile = ['--profile', 'finance-prod'];

  beforeAll(async () => {
    emulator = await startEmulator({
      accounts: 2,
      lifetimes: { pollIntervalSeconds: 0 },
      pipeline: {
        crawlTimings: { runningMs: 100, stoppingMs: 30 },
        emrTimings: { pendingMs: 30, minRunMs: 100, cancelMs: 30 },
      },
    });
    home = await mkdtemp(join(tmpdir(), 'lakedesk-cli-pipeline-'));
    // This file runs in its own worker: the CLI reads process.env like it does in a shell.
    Object.assign(process.env, emulator.env, {
      HOME: home,
      LAKEDESK_HOME: join(home, 'app'),
      LAKEDESK_POLL_MS: '15',
    });
    delete process.env.AWS_PROFILE;
    for (const table of ['billing', 'units_sold', 'production_costs']) {
      const body = await readFile(join(fixtureLake, table, `${table}.csv`));
      await fetch(`${emulator.endpoints.s3}/lake-raw/${table}/${table}.csv`, { method: 'PUT', body });
    }
    const approve = emulator.waitForUserCode().then((code) => emulator.approveDevice(code));
    expect((await run('sso', 'login', '--session', 'emulator')).code).toBe(0);
    await approve;
  });
  afterAll(async () => {
    process.env = saved;
    await emulator?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('crawler start --wait exits 0 with what the crawl changed, 1 when the crawl fails', async () => {
    const done = await run('crawler', 'start', 'lake-raw', ...profile, '--wait');
    expect(done).toMatchObject({ code: 0, err: '' });
    expect(done.out).toMatch(
      /^Crawler lake-raw SUCCEEDED in 0:0\d: 3 table\(s\) created \(billing, production_costs, units_sold\)/,
    );
    expect(done.out).toContain('Saved queries reading them: gross-profit.');
    emulator.pipeline.failNextCrawl('lake-raw', 'Internal Service Exception');
    const failed = await run('crawler', 'start', 'lake-raw', ...profile, '--wait');
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('error: Crawler lake-raw failed: Internal Service Exception.');
    const list = await run('crawler', 'list', ...profile, '--json');
    expect(JSON.parse(list.out).crawlers.map((c: { name: string }) => c.name)).toEqual([
      'lake-raw',
      'lake-landing',
    ]);
  });

  it('step submit gross-profit --wait exits 0 with the output, 1 with the stderr of a failed step', async () => {
    const clusters = await run('cluster', 'list', ...profile);
    expect(clusters.out).toMatch(/CLUSTER\s+STATE\s+NAME/);
    expect(clusters.out).toContain(`${emulator.pipeline.clusterId}  WAITING  finance-etl`);
    const cluster = ['--cluster', emulator.pipeline.clusterId];
    const done = await run('step', 'submit', 'gross-profit', ...cluster, ...profile, '--wait');
    expect(done.code).toBe(0);
    expect(done.err).toContain('(3 uploaded, 0 unchanged)');
    expect(done.out).toMatch(
      /^Step s-\w+ COMPLETED in 0:0\d\. Output: s3:\/\/lake-curated\/lakedesk\/output\/gross-profit\/run_id=.+\/csv\//,
    );
    emulator.pipeline.failNextStep({
      message: 'Application failed',
      stderr: 'ValueError: no rows in billing\n',
    });
    const failed = await run('step', 'submit', 'gross-profit', ...cluster, ...profile, '--wait', '--json');
    expect(failed.code).toBe(1);
    const error = JSON.parse(failed.out) as { ok: false; error: { code: string; message: string } };
    expect(error.error).toMatchObject({
      code: 'RUN_FAILED',
      message: expect.stringContaining('ValueError: no rows in billing'),
    });
    const stepId = /\(s-\w+\)/.exec(error.error.message)![0].slice(1, -1);
    const logs = await run('step', 'logs', stepId, ...cluster, ...profile);
    expect(logs).toMatchObject({ code: 0, out: 'ValueError: no rows in billing\n' });
    expect((await run('step', 'list', ...cluster, ...profile)).out).toContain(`${stepId}  FAILED`);
  });

  it('exits 2 on usage and environment errors', async () => {
    expect((await run('step', 'submit', 'gross-profit', ...profile)).code).toBe(2);
    const noProfile = await run('crawler', 'start', 'lake-raw', '--profile', 'nosuch');
    expect(noProfile.code).toBe(2);
    expect(noProfile.err).toContain('No profile "nosuch"');
    const badJob = await run(
      'step',
      'submit',
      'orders',
      '--cluster',
      emulator.pipeline.clusterId,
      ...profile,
    );
    expect(badJob).toMatchObject({ code: 2, err: expect.stringContaining('No job "orders"') });
    const badRates = await run(
      'step',
      'submit',
      'gross-profit',
      '--cluster',
      'j-1',
      '--rates',
      'usd=1',
      ...profile,
    );
    expect(badRates.code).toBe(2);
  });
});
