import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmulatorOptions } from '../../../e2e/emulator/emulator';
import { startAwsTestBed, type AwsTestBed } from '../accounts/test-aws';
import { fixtureLake } from '../engine/test-lakes';

// Test support only: an emulator with fast pipeline timings, signed in, with an AWS workspace open.

export const FIXTURE_TABLES = ['billing', 'units_sold', 'production_costs'] as const;

export interface PipelineBed extends AwsTestBed {
  workspaceId: string;
  /** Puts a file into the emulator's S3 (s3rver takes unsigned requests). */
  put(uri: string, body: string | Buffer): Promise<void>;
  /** An object's bytes from the emulator's S3. */
  get(uri: string): Promise<Buffer>;
  /** Uploads the fixture lake's billing, units_sold and production_costs CSVs under `s3://bucket/`. */
  uploadFixtures(bucket?: string): Promise<void>;
}

const url = (bed: AwsTestBed, uri: string) => `${bed.emulator.endpoints.s3}/${uri.replace(/^s3:\/\//, '')}`;

export async function startPipelineBed(options: EmulatorOptions = {}): Promise<PipelineBed> {
  const bed = await startAwsTestBed({
    accounts: 2,
    pipeline: {
      crawlTimings: { runningMs: 120, stoppingMs: 40 },
      emrTimings: { pendingMs: 40, minRunMs: 120, cancelMs: 40, startMs: 60 },
    },
    ...options,
  });
  await bed.signIn();
  const account = bed.emulator.accounts[0]!;
  const ws = await bed.call('accounts.openWorkspace', {
    session: bed.emulator.sessionName,
    accountId: account.accountId,
    roleName: account.roles[0]!,
    region: bed.emulator.region,
  });
  const put = async (uri: string, body: string | Buffer) => {
    const answer = await fetch(url(bed, uri), { method: 'PUT', body });
    if (!answer.ok) throw new Error(`PUT ${uri}: ${answer.status} ${await answer.text()}`);
  };
  return {
    ...bed,
    workspaceId: ws.id,
    put,
    async get(uri) {
      const answer = await fetch(url(bed, uri));
      if (!answer.ok) throw new Error(`GET ${uri}: ${answer.status}`);
      return Buffer.from(await answer.arrayBuffer());
    },
    async uploadFixtures(bucket = 'lake-raw') {
      for (const table of FIXTURE_TABLES)
        await put(
          `s3://${bucket}/${table}/${table}.csv`,
          await readFile(join(fixtureLake, table, `${table}.csv`)),
        );
    },
  };
}
