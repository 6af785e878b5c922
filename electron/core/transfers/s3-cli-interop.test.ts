import { execFile } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFile, sha256File, startTransferBed, type TransferBed } from './test-transfers';

const run = promisify(execFile);
/** Debian's AWS CLI v2 (`apt-get install awscli`): the one that takes `--endpoint-url` for S3 as users do. */
const AWS_V2 = '/usr/bin/aws';

/**
 * Interop with the AWS CLI against the emulator's S3: what Lakedesk uploads (multipart, metadata,
 * Unicode keys) downloads byte-identical with `aws s3 cp`, and what `aws s3 cp` puts previews here.
 */
describe('interop with `aws s3 cp`', () => {
  let bed: TransferBed;
  const aws = (...args: string[]) =>
    run(
      AWS_V2,
      [...args, '--endpoint-url', bed.emulator.endpoints.s3, ...(args[1] === 'cp' ? ['--no-progress'] : [])],
      {
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          HOME: bed.home,
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
          AWS_DEFAULT_REGION: bed.emulator.region,
          AWS_CONFIG_FILE: join(bed.home, 'no-config'),
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_PAGER: '',
        },
      },
    );

  beforeAll(async () => {
    try {
      const { stdout } = await run(AWS_V2, ['--version'], { timeout: 20_000 });
      if (!stdout.startsWith('aws-cli/2.')) throw new Error(`${AWS_V2} is ${stdout.trim()}, not AWS CLI v2`);
    } catch (error) {
      throw new Error(
        `Debian's AWS CLI v2 (${AWS_V2}) could not be run (${(error as Error).message}). These interop tests need it: ` +
          '`apt-get install -y awscli` (CI installs it; see ENVIRONMENT.md, "S3 and the AWS CLI").',
        { cause: error },
      );
    }
    bed = await startTransferBed();
  }, 30_000);
  afterAll(() => bed?.close());

  it('objects uploaded by Lakedesk download byte-identical with `aws s3 cp`', async () => {
    const big = await makeFile(join(bed.files, 'ledger.bin'), 40 * 1024 * 1024 + 17);
    const unicode = join(bed.files, 'Nóminas 2025 – 東京.csv');
    await writeFile(unicode, 'a,b\n1,"two, with comma"\n');
    const { transfers } = await bed.call('transfers.enqueue', {
      to: 'lake-raw/cli/',
      sources: [{ path: big }, { path: unicode }],
    });
    const done = await bed.settle(transfers.map((t) => t.id));
    expect(done.map((t) => t.state)).toEqual(['done', 'done']);
    for (const [item, source] of [
      [done[0]!, big],
      [done[1]!, unicode],
    ] as const) {
      const copy = join(bed.files, `copy-${item.name}`);
      await aws('s3', 'cp', `s3://lake-raw/${item.key}`, copy);
      expect(await sha256File(copy)).toBe(await sha256File(source));
    }
    const { stdout } = await aws('s3', 'ls', 's3://lake-raw/cli/');
    expect(stdout).toContain('Nóminas 2025 – 東京.csv');
  });

  it('objects put by `aws s3 cp` list, preview and download in Lakedesk', async () => {
    const orders = join(bed.files, 'orders.csv');
    await writeFile(
      orders,
      'order_id,customer_id,order_date,order_amount,order_status\nO1,C1,2025-02-01,10.50,Delivered\nO2,C2,02/03/2025,99.00,Pending\n',
    );
    await aws('s3', 'cp', orders, 's3://lake-landing/from-cli/orders.csv');
    const size = (await stat(orders)).size;
    const listing = await bed.call('storage.list', { prefix: 'lake-landing/from-cli/' });
    expect(listing.entries.map((e) => [e.name, e.size])).toEqual([['orders.csv', size]]);
    const preview = await bed.call('storage.preview', {
      path: 'lake-landing/from-cli/orders.csv',
      limit: 10,
    });
    expect(preview.columns.map((c) => c.name)).toEqual([
      'order_id',
      'customer_id',
      'order_date',
      'order_amount',
      'order_status',
    ]);
    expect(preview.rows.map((r) => r[0])).toEqual(['O1', 'O2']);
    const details = await bed.call('storage.details', { path: 'lake-landing/from-cli/orders.csv' });
    expect(details.lakedesk).toBeUndefined();
    const to = join(bed.files, 'orders-copy.csv');
    const job = await bed.job('storage.download', { path: 'lake-landing/from-cli/orders.csv', to });
    expect(job.result).toMatchObject({ verified: false, bytes: size });
    expect(await sha256File(to)).toBe(await sha256File(orders));
  });
});
