import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFile, sha256File, startTransferBed, type TransferBed } from './test-transfers';

/**
 * One real 1 GiB upload (every byte sent, 128 parts of 8 MiB, 4 at a time) to the emulator's S3:
 * the stored object hashes the same as the source, and memory stays bounded by the parts in flight.
 */
describe('a 1 GiB transfer', () => {
  let bed: TransferBed;

  beforeAll(async () => {
    bed = await startTransferBed();
  }, 30_000);
  afterAll(() => bed?.close());

  it('uploads 1 GiB in parts with the same SHA-256 and no upload left behind', async () => {
    const file = await makeFile(join(bed.files, 'year.bin'), 1024 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const started = Date.now();
    const { transfers } = await bed.call('transfers.enqueue', {
      to: 'lake-landing/big/',
      sources: [{ path: file }],
    });
    const [done] = await bed.settle([transfers[0]!.id], 150_000);
    clearInterval(sample);
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `1 GiB in ${seconds.toFixed(1)} s (${(1024 / seconds).toFixed(0)} MiB/s), RSS +${((peak - before) / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(done).toMatchObject({ state: 'done', size: 2 ** 30, parts: { done: 128, total: 128 } });
    expect(await sha256File(bed.emulator.s3!.objectFile('lake-landing', 'big/year.bin'))).toBe(done!.sha256);
    expect(done!.sha256).toBe(await sha256File(file));
    // Parts in flight (4 × 8 MiB) and the SDK's buffers, not the file: well under the file's size.
    expect(peak - before).toBeLessThan(400 * 2 ** 20);
    expect((await bed.call('transfers.listIncomplete', { bucket: 'lake-landing' })).uploads).toEqual([]);
  }, 180_000);
});
