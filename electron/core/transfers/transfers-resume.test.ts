import { join } from 'node:path';
import { CreateMultipartUploadCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeBilling, makeFile, sha256File, startTransferBed, type TransferBed } from './test-transfers';

const MiB = 1024 * 1024;

/**
 * Resumable transfers against the emulator's S3: a server killed and restarted mid-upload, a storm
 * of 503s, the app closed and reopened mid-upload, cancel, and the unfinished-uploads view.
 */
describe('resumable transfers', () => {
  let bed: TransferBed;
  const progressOf = (id: string) => async () =>
    (await bed.call('transfers.list', {})).transfers.find((t) => t.id === id)!;
  const enqueue = async (path: string, to = 'lake-raw/resume/') =>
    (await bed.call('transfers.enqueue', { to, sources: [{ path }] })).transfers[0]!;
  /** Holds every part back a little, so a test can act while an upload is under way. */
  const slowParts = (delayMs = 120) =>
    bed.emulator.faults.add('s3', { kind: 'delay', operations: ['UploadPart'], delayMs });
  const noIncomplete = async () =>
    expect((await bed.call('transfers.listIncomplete', { bucket: 'lake-raw' })).uploads).toEqual([]);

  beforeAll(async () => {
    bed = await startTransferBed();
    await bed.call('transfers.setOptions', { partSizeMb: 5, concurrency: 2 });
  }, 30_000);
  afterEach(() => bed.emulator.faults.clear());
  afterAll(() => bed?.close());

  it('survives the S3 server being killed and restarted mid-upload: resumed, same SHA-256, nothing left over', async () => {
    const file = await makeFile(join(bed.files, 'outage.bin'), 40 * MiB);
    slowParts();
    const item = await enqueue(file);
    await bed.waitFor((s) => s.transfers.find((t) => t.id === item.id)!.bytesDone >= 10 * MiB);
    await bed.emulator.s3!.kill();
    await bed.waitFor((s) => s.transfers.find((t) => t.id === item.id)!.state === 'retrying');
    await new Promise((r) => setTimeout(r, 300));
    await bed.emulator.s3!.restart();
    const [done] = await bed.settle([item.id]);
    expect(done).toMatchObject({
      state: 'done',
      attempts: expect.any(Number),
      note: expect.stringContaining('Resumed'),
    });
    expect(done!.attempts).toBeGreaterThan(0);
    expect(await sha256File(bed.emulator.s3!.objectFile('lake-raw', 'resume/outage.bin'))).toBe(
      await sha256File(file),
    );
    expect(bed.emulator.calls('s3', 'CreateMultipartUpload')).toBe(1);
    await noIncomplete();
  });

  it('completes every file through 20% injected 503 SlowDown answers', async () => {
    bed.emulator.faults.add('s3', { kind: 'slowDown', rate: 0.2 });
    const files = await Promise.all([
      makeBilling(join(bed.files, 'storm-a.csv'), 40),
      makeFile(join(bed.files, 'storm-b.bin'), 1024),
      makeFile(join(bed.files, 'storm-c.bin'), 12 * MiB),
      makeFile(join(bed.files, 'storm-d.bin'), 23 * MiB),
    ]);
    const { transfers } = await bed.call('transfers.enqueue', {
      to: 'lake-raw/storm/',
      sources: files.map((path) => ({ path })),
    });
    const settled = await bed.settle(transfers.map((t) => t.id));
    expect(settled.map((t) => t.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(bed.emulator.faults.count('s3', 'slowDown')).toBeGreaterThan(3);
    for (const [i, t] of settled.entries())
      expect(await sha256File(bed.emulator.s3!.objectFile('lake-raw', t.key))).toBe(
        await sha256File(files[i]!),
      );
    await noIncomplete();
  });

  it('resumes from the journal when the app is closed and reopened mid-upload', async () => {
    const file = await makeFile(join(bed.files, 'restart.bin'), 30 * MiB);
    slowParts(200);
    const item = await enqueue(file);
    await bed.waitFor((s) => (s.transfers.find((t) => t.id === item.id)?.parts?.done ?? 0) >= 2);
    const creates = bed.emulator.calls('s3', 'CreateMultipartUpload');
    await bed.restart();
    bed.emulator.faults.clear();
    // The new core opens the queue (and resumes the journaled upload) on its first transfers call.
    const [done] = await bed.settle([item.id]);
    expect(done, JSON.stringify(done!.error)).toMatchObject({
      state: 'done',
      note: expect.stringMatching(/Resumed: [2-6] parts already in S3/),
    });
    expect(bed.emulator.calls('s3', 'CreateMultipartUpload')).toBe(creates);
    expect(bed.emulator.calls('s3', 'ListParts')).toBeGreaterThan(0);
    expect(await sha256File(bed.emulator.s3!.objectFile('lake-raw', 'resume/restart.bin'))).toBe(
      await sha256File(file),
    );
    await noIncomplete();
  });

  it('cancel aborts the multipart upload; pause keeps it for a resume from the unfinished-uploads view', async () => {
    slowParts(150);
    const cancelled = await enqueue(await makeFile(join(bed.files, 'cancel.bin'), 20 * MiB));
    await bed.waitFor((s) => s.transfers.find((t) => t.id === cancelled.id)!.bytesDone > 0);
    await bed.call('transfers.cancel', { ids: [cancelled.id] });
    expect((await progressOf(cancelled.id)()).state).toBe('cancelled');
    await noIncomplete();
    expect(bed.emulator.calls('s3', 'AbortMultipartUpload')).toBeGreaterThan(0);

    const paused = await enqueue(await makeFile(join(bed.files, 'pause.bin'), 20 * MiB));
    await bed.waitFor((s) => s.transfers.find((t) => t.id === paused.id)!.bytesDone > 0);
    await bed.call('transfers.pause', { ids: [paused.id] });
    expect((await progressOf(paused.id)()).state).toBe('paused');
    const { uploads } = await bed.call('transfers.listIncomplete', { bucket: 'lake-raw', prefix: 'resume/' });
    expect(uploads).toEqual([
      expect.objectContaining({ key: 'resume/pause.bin', transferId: paused.id, isResumable: true }),
    ]);
    bed.emulator.faults.clear();
    await bed.call('transfers.resumeIncomplete', { uploadId: uploads[0]!.uploadId });
    expect((await bed.settle([paused.id]))[0]!.state).toBe('done');
    await noIncomplete();
  });

  it('lists another tool’s incomplete upload as not resumable, and aborts it', async () => {
    const client = new S3Client({
      endpoint: bed.emulator.endpoints.s3,
      region: bed.emulator.region,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({ Bucket: 'lake-raw', Key: 'other/tool.csv' }),
    );
    client.destroy();
    const { uploads } = await bed.call('transfers.listIncomplete', { bucket: 'lake-raw' });
    expect(uploads).toEqual([
      expect.objectContaining({ key: 'other/tool.csv', uploadId: UploadId, isResumable: false }),
    ]);
    await expect(bed.call('transfers.resumeIncomplete', { uploadId: UploadId! })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await bed.call('transfers.abortIncomplete', {
        bucket: 'lake-raw',
        key: 'other/tool.csv',
        uploadId: UploadId!,
      }),
    ).toEqual({ aborted: true });
    await noIncomplete();
  });
});
