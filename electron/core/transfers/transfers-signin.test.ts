import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '@shared/contract';
import { FAST_ACCOUNTS } from '../accounts/test-aws';
import { makeFile, sha256File, startTransferBed, type TransferBed } from './test-transfers';

/**
 * Sign-ins here last 2 s and cannot be renewed, so an upload outlives its sign-in: it must pause
 * (asking once, with `accounts.signInRequired`) and carry on after the person signs in again.
 */
describe('an upload that outlives its sign-in', () => {
  let bed: TransferBed;
  const required: Array<EventPayload<'accounts.signInRequired'>> = [];

  beforeAll(async () => {
    bed = await startTransferBed({
      emulator: {
        lifetimes: {
          pollIntervalSeconds: 0,
          accessTokenSeconds: 2,
          refreshTokenSeconds: 0.5,
          roleCredentialsSeconds: 1,
        },
      },
      accounts: { ...FAST_ACCOUNTS, refreshWindowMs: 500 },
    });
    bed.core.services.events.subscribe(
      (topic, payload) => topic === 'accounts.signInRequired' && required.push(payload as never),
    );
  }, 30_000);
  afterAll(() => bed?.close());

  it('pauses for a new sign-in and resumes, the object whole', async () => {
    await bed.call('transfers.setOptions', { partSizeMb: 5, concurrency: 1 });
    // 12 slow parts: the upload lasts well beyond the 2 s sign-in.
    bed.emulator.faults.add('s3', { kind: 'delay', operations: ['UploadPart'], delayMs: 400 });
    const file = await makeFile(join(bed.files, 'long.bin'), 60 * 1024 * 1024);
    const { transfers } = await bed.call('transfers.enqueue', { to: 'lake-raw/', sources: [{ path: file }] });
    await expect.poll(() => required.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(required[0]).toMatchObject({ session: bed.emulator.sessionName });
    const stalled = (await bed.call('transfers.list', {})).transfers[0]!;
    expect(['uploading', 'queued', 'retrying']).toContain(stalled.state);
    bed.emulator.faults.clear();
    await bed.signIn();
    const [done] = await bed.settle([transfers[0]!.id]);
    expect(done).toMatchObject({ state: 'done' });
    expect(await sha256File(bed.emulator.s3!.objectFile('lake-raw', 'long.bin'))).toBe(
      await sha256File(file),
    );
  }, 40_000);
});
