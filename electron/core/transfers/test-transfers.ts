import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, JobMethod, Method, Output } from '@shared/contract';
import type { Job } from '@shared/jobs.schema';
import type { TransferItem, TransferSnapshot } from '@shared/transfers.schema';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../e2e/emulator/emulator';
import { FAST_ACCOUNTS } from '../accounts/test-aws';
import { createCore, type Core, type CoreOptions } from '../core';
import type { TransferServiceOptions } from './transfer-service';

/** Test equipment: the emulator, an app home, a core on an AWS workspace, and a way to restart it. */
export interface TransferBed {
  emulator: Emulator;
  home: string;
  /** A temp folder for the test's source files. */
  files: string;
  core: Core;
  workspaceId: string;
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  job(method: JobMethod, input: unknown): Promise<Job>;
  /** Closes the core (as quitting the app does) and opens a new one on the same home. */
  restart(): Promise<void>;
  /** Polls the queue until `done` holds for it. */
  waitFor(done: (s: TransferSnapshot) => boolean, timeoutMs?: number): Promise<TransferSnapshot>;
  /** Signs in again through the device flow, approving the code as the browser would. */
  signIn(): Promise<void>;
  /** Waits until every transfer of `ids` is in a final or waiting state. */
  settle(ids: readonly string[], timeoutMs?: number): Promise<TransferItem[]>;
  close(): Promise<void>;
}

/** Short waits so storms and outages stay within a test's time. */
export const FAST_TRANSFERS: TransferServiceOptions = {
  retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 50 },
  fileRetry: { maxAttempts: 40, baseDelayMs: 50, maxDelayMs: 400 },
  requestTimeoutMs: 60_000,
};

const RESTING = new Set(['done', 'skipped', 'failed', 'cancelled', 'held', 'conflict', 'paused']);

export async function startTransferBed(
  options: {
    emulator?: EmulatorOptions;
    transfers?: TransferServiceOptions;
    accounts?: CoreOptions['accounts'];
  } = {},
): Promise<TransferBed> {
  const emulator = await startEmulator({
    lifetimes: { pollIntervalSeconds: 0 },
    pipeline: false,
    ...options.emulator,
  });
  const home = await mkdtemp(join(tmpdir(), 'lakedesk-transfers-home-'));
  const files = await mkdtemp(join(tmpdir(), 'lakedesk-transfers-src-'));
  const env: NodeJS.ProcessEnv = { ...emulator.env, HOME: home, PATH: process.env.PATH };
  const make = () =>
    createCore({
      home: join(home, 'app'),
      version: '0.0.0-test',
      env,
      accounts: options.accounts ?? FAST_ACCOUNTS,
      transfers: { ...FAST_TRANSFERS, ...options.transfers },
    });
  const caller = { frontDoor: 'cli' as const, trusted: true };
  const bed: TransferBed = {
    emulator,
    home,
    files,
    core: make(),
    workspaceId: '',
    async call(method, input) {
      const result = await bed.core.router.call(method, input, caller);
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.value as never;
    },
    async job(method, input) {
      const { jobId } = (await bed.call(method, input as never)) as { jobId: string };
      return bed.core.services.jobs.wait(jobId);
    },
    async restart() {
      await bed.core.close();
      bed.core = make();
    },
    async waitFor(done, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const snapshot = await bed.call('transfers.list', {});
        if (done(snapshot)) return snapshot;
        if (Date.now() > deadline)
          throw new Error(
            `Transfers did not settle: ${JSON.stringify(snapshot.transfers.map((t) => [t.name, t.state, t.bytesDone, t.error?.message]))}`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async settle(ids, timeoutMs) {
      const snapshot = await bed.waitFor(
        (s) => ids.every((id) => RESTING.has(s.transfers.find((t) => t.id === id)?.state ?? 'done')),
        timeoutMs,
      );
      return ids.map((id) => snapshot.transfers.find((t) => t.id === id)!);
    },
    async signIn() {
      const signing = bed.job('accounts.signIn', { session: emulator.sessionName });
      emulator.approveDevice(await emulator.waitForUserCode());
      const signed = await signing;
      if (signed.state !== 'succeeded') throw new Error(`sign-in ${signed.state}: ${signed.error?.message}`);
    },
    async close() {
      await bed.core.close();
      await emulator.stop();
      await rm(home, { recursive: true, force: true });
      await rm(files, { recursive: true, force: true });
    },
  };
  await bed.signIn();
  const account = emulator.accounts[0]!;
  const workspace = await bed.call('accounts.openWorkspace', {
    session: emulator.sessionName,
    accountId: account.accountId,
    accountName: account.accountName,
    roleName: account.roles[0]!,
    region: emulator.region,
  });
  bed.workspaceId = workspace.id;
  return bed;
}

/** Hex SHA-256 of a file. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A file of `size` bytes of varied content, written in 1 MiB blocks (each block's first bytes
 * carry its number, so no two parts are alike) — quick to make, and every byte is real.
 */
export async function makeFile(path: string, size: number): Promise<string> {
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < block.length; i += 1) block[i] = (i * 31 + 7) & 0xff;
  const handle = await open(path, 'w');
  try {
    for (let offset = 0, n = 0; offset < size; offset += block.length, n += 1) {
      block.writeUInt32BE(n, 0);
      await handle.write(block, 0, Math.min(block.length, size - offset), offset);
    }
  } finally {
    await handle.close();
  }
  return path;
}

export const BILLING_HEADER = 'id,company_name,country,city,product_line,item,bill_date,currency,bill_amount';

/** A valid billing CSV of `rows` rows, billed in January 2025. */
export async function makeBilling(path: string, rows: number, month = '01'): Promise<string> {
  const lines = Array.from(
    { length: rows },
    (_, i) =>
      `${1001 + (i % 50)},Company ${i % 50},USA,Chicago,Bakery,Bread,2025-${month}-${String(1 + (i % 28)).padStart(2, '0')},USD,${(1 + (i % 400) / 100).toFixed(2)}`,
  );
  await writeFile(path, `${BILLING_HEADER}\n${lines.join('\n')}\n`);
  return path;
}
