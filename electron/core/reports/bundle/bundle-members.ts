import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { BundleMember } from '@shared/bundle-manifest.schema';
import type { DrawnChart } from './bundle-charts';
import { SUMMARY_PDF } from './bundle-names';
import type { StagedTable } from './table-stager';

/** A member as the manifest lists it, and the staged file that holds it. */
export interface StagedMember extends BundleMember {
  file: string;
}

/** The SHA-256 of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function member(
  path: string,
  role: BundleMember['role'],
  mediaType: string,
  file: string,
): Promise<StagedMember> {
  return { path, role, mediaType, bytes: (await stat(file)).size, file };
}

/** Every member of the bundle but the envelope (manifest and checksums), in zip order. */
export async function membersOf(
  tables: StagedTable[],
  charts: DrawnChart[],
  pdf: string,
): Promise<StagedMember[]> {
  const members: StagedMember[] = [];
  for (const t of tables) {
    members.push(
      await member(`data/${t.name}.parquet`, 'data-parquet', 'application/vnd.apache.parquet', t.parquetFile),
    );
    members.push(await member(`data/${t.name}.csv`, 'data-csv', 'text/csv', t.csvFile));
  }
  for (const c of charts) {
    members.push(await member(c.entry.specPath, 'chart-spec', 'application/json', c.specFile));
    if (c.pngFile && c.entry.png)
      members.push(await member(c.entry.png, 'chart-png', 'image/png', c.pngFile));
  }
  members.push(await member(SUMMARY_PDF, 'summary-pdf', 'application/pdf', pdf));
  return members;
}
