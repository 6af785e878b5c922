import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { LakeError } from '@shared/errors';
import type { ColumnProfile } from '@shared/storage.schema';
import type { RowSet } from '@shared/results.schema';
import { formatOf } from '../catalog/lake-walker';
import type { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import { previewFile, profileFile } from './file-preview';
import type { S3Api } from './s3-api';
import type { S3Location } from './s3-paths';

/** Where S3 bytes are put for DuckDB to read: a folder of the app's, and an engine over it. */
export interface Scratch {
  dir: string;
  engine: () => Promise<DuckDbQueryEngine>;
}

export const DEFAULT_PREVIEW_BYTES = 256 * 1024;
/** CSV profiles of S3 objects read at most this much (a profile of a 5 GB object would download it). */
export const PROFILE_SAMPLE_BYTES = 32 * 1024 * 1024;
/** Parquet keeps its schema in a footer at the end, so a preview needs the whole object. */
const MAX_PARQUET_BYTES = 256 * 1024 * 1024;

/**
 * Where the last complete CSV record of `data` ends, so a range cut mid-record (even inside a
 * quoted field with line breaks) is trimmed to whole records before DuckDB reads it.
 */
export async function completeRecordsEnd(data: Buffer): Promise<number> {
  let end = 0;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    on_record: (_record: string[], info) => {
      end = info.bytes;
      return null;
    },
  });
  const sink = new Writable({ objectMode: true, write: (_c, _e, done) => done() });
  await pipeline(Readable.from([data]), parser, sink).catch(() => undefined);
  // The parser counts the last record's bytes up to its line break; an unterminated final
  // record in a cut range is exactly the one to drop, so only whole lines are kept.
  const lastBreak = data.lastIndexOf(0x0a, Math.max(0, end - 1));
  return end > 0 && data[end - 1] !== 0x0a && lastBreak >= 0 ? lastBreak + 1 : end;
}

/** Runs `read` on the bytes in a scratch file, which is removed afterwards. */
async function withScratchFile<T>(
  scratch: Scratch,
  ext: string,
  data: Buffer,
  read: (name: string) => Promise<T>,
): Promise<T> {
  await mkdir(scratch.dir, { recursive: true });
  const name = `${randomUUID()}.${ext}`;
  await writeFile(join(scratch.dir, name), data);
  try {
    return await read(name);
  } finally {
    await rm(join(scratch.dir, name), { force: true });
  }
}

/** The first `maxBytes` of an object (whole records only for CSV), and whether that is all of it. */
async function leadingBytes(
  api: S3Api,
  at: S3Location,
  maxBytes: number,
): Promise<{ data: Buffer; partial: boolean; ext: string }> {
  const format = formatOf(at.key);
  if (!format)
    throw new LakeError(
      'BAD_INPUT',
      `${at.key} is not a CSV or Parquet file.`,
      'Previews read .csv and .parquet objects.',
    );
  const head = await api.head(at.bucket, at.key);
  if (!head)
    throw new LakeError(
      'NOT_FOUND',
      `s3://${at.bucket}/${at.key} does not exist.`,
      'It may have been deleted: refresh the folder.',
    );
  if (head.size === 0)
    throw new LakeError(
      'INVALID_DATA',
      `s3://${at.bucket}/${at.key} is empty (0 bytes).`,
      'There is nothing to preview.',
    );
  if (format === 'parquet') {
    if (head.size > MAX_PARQUET_BYTES) {
      throw new LakeError(
        'BAD_INPUT',
        `s3://${at.bucket}/${at.key} is a Parquet object over 256 MiB.`,
        'Parquet keeps its schema at the end of the file: download it, or query it with Athena.',
      );
    }
    return { data: await api.getRange(at.bucket, at.key, 0, head.size - 1), partial: false, ext: 'parquet' };
  }
  const range = await api.getRange(at.bucket, at.key, 0, Math.min(head.size, maxBytes) - 1);
  const partial = range.length < head.size;
  return { data: partial ? range.subarray(0, await completeRecordsEnd(range)) : range, partial, ext: 'csv' };
}

/** The first rows of an S3 object, from a ranged GET of its first bytes (never the whole CSV). */
export async function previewS3Object(
  api: S3Api,
  scratch: Scratch,
  at: S3Location,
  limit: number,
  maxBytes = DEFAULT_PREVIEW_BYTES,
): Promise<RowSet & { partial: boolean }> {
  const { data, partial, ext } = await leadingBytes(api, at, maxBytes);
  const rows = await withScratchFile(scratch, ext, data, async (name) =>
    previewFile(await scratch.engine(), scratch.dir, name, limit),
  );
  return { ...rows, partial };
}

/** A column profile of an S3 object: whole when small, else of its first {@link PROFILE_SAMPLE_BYTES}. */
export async function profileS3Object(
  api: S3Api,
  scratch: Scratch,
  at: S3Location,
): Promise<{ rows: number; columns: ColumnProfile[]; sampledBytes?: number }> {
  const { data, partial, ext } = await leadingBytes(api, at, PROFILE_SAMPLE_BYTES);
  const profile = await withScratchFile(scratch, ext, data, async (name) =>
    profileFile(await scratch.engine(), scratch.dir, name),
  );
  return partial ? { ...profile, sampledBytes: data.length } : profile;
}
