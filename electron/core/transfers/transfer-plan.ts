import { rm } from 'node:fs/promises';
import { LakeError } from '@shared/errors';
import type { DatasetContract } from '@shared/storage.schema';
import type { InspectedFile, TransferSource } from '@shared/transfers.schema';
import { checkObjectKey, parseS3Path, parseS3Uri } from '../storage/s3-paths';
import { dateTokens, datasetOf, isCsvName, proposeKey, sniffCsv } from './destination-template';
import { expandSources, type SourceFile } from './source-files';

/** Where a drop goes: a bucket, a key prefix, or (one file, no trailing `/`) an exact key. */
export interface Destination {
  bucket: string;
  prefix: string;
  exactKey?: string;
}

/** `s3://bucket/prefix/` or the lake path `bucket/prefix/` as a destination. */
export function parseDestination(to: string): Destination {
  const at = to.startsWith('s3://') ? parseS3Uri(to) : parseS3Path(to);
  if (at.bucket === '')
    throw new LakeError(
      'BAD_INPUT',
      'Choose a bucket to upload into.',
      'Drop the files onto a bucket or a folder in it.',
    );
  if (at.isFolder) return { bucket: at.bucket, prefix: at.key };
  return { bucket: at.bucket, prefix: `${at.key}/`, exactKey: at.key };
}

/** A file of a drop with its dataset and destination key decided. */
export interface PlannedFile {
  file: SourceFile;
  dataset: DatasetContract | undefined;
  key: string;
}

/**
 * Decides each file's dataset (named, else from its header) and key (given, else the drop prefix,
 * the template, the file's folders and its name). Every key is checked before anything is queued,
 * so one bad name refuses the whole drop instead of leaving half of it uploaded.
 */
export async function planFiles(
  files: readonly SourceFile[],
  destination: Destination,
  template: string | undefined,
  datasets: readonly DatasetContract[],
  dataset: string | undefined,
  now = new Date(),
): Promise<PlannedFile[]> {
  const planned: PlannedFile[] = [];
  for (const file of files) {
    const isCsv = isCsvName(file.name);
    const sniff = isCsv ? await sniffCsv(file.path).catch(() => undefined) : undefined;
    const hint = file.datasetHint ?? dataset;
    const found = isCsv || hint ? datasetOf(sniff, datasets, hint) : undefined;
    const tokens = dateTokens(sniff, found, now);
    const key =
      file.keyOverride ??
      (destination.exactKey !== undefined && files.length === 1 && file.relativeDir === ''
        ? destination.exactKey
        : proposeKey(destination.prefix, template, file, found, tokens));
    checkObjectKey(key);
    planned.push({ file, dataset: found, key });
  }
  return planned;
}

/** What `transfers.inspect` shows for a planned file. */
export function inspected(planned: PlannedFile, bucket: string): InspectedFile {
  return {
    source: planned.file.display,
    name: planned.file.name,
    size: planned.file.size,
    dataset: planned.dataset?.name ?? null,
    isCsv: isCsvName(planned.file.name),
    bucket,
    key: planned.key,
    uri: `s3://${bucket}/${planned.key}`,
  };
}

/** A drop as the UI sends it to `transfers.inspect` or `transfers.enqueue`. */
export interface DropRequest {
  to: string;
  template?: string | undefined;
  sources: readonly TransferSource[];
  dataset?: string | undefined;
}

/**
 * A drop's destination and files, planned. Sent bytes are staged under `staging` first; when the
 * plan fails (a bad key, an unknown dataset) they are removed again, so nothing is left behind.
 */
export async function planDrop(
  drop: DropRequest,
  datasets: readonly DatasetContract[],
  staging: string,
): Promise<{ destination: Destination; planned: PlannedFile[] }> {
  const destination = parseDestination(drop.to);
  if (drop.dataset !== undefined) datasetOf(undefined, datasets, drop.dataset);
  const files = await expandSources(drop.sources, staging);
  try {
    return {
      destination,
      planned: await planFiles(files, destination, drop.template, datasets, drop.dataset),
    };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
