import type { TransferItem, TransferSource } from '@shared/transfers.schema';
import { readFiles } from '../read-files';

/** What the contract takes as bytes of one file (browser mode); larger files need a path. */
export const MAX_INLINE_BYTES = 32 * 1024 * 1024;

export interface DroppedSources {
  sources: TransferSource[];
  /** True when the sources are local paths (the desktop app): then a held file can be rechecked. */
  byPath: boolean;
}

/**
 * Dropped files as transfer sources: their paths in the desktop app (nothing is read here), their
 * bytes in browser mode (small files only).
 */
export async function toSources(files: File[]): Promise<DroppedSources> {
  const paths = files.map((f) => window.lake?.pathForFile?.(f) ?? '');
  if (paths.every((p) => p !== '')) return { sources: paths.map((path) => ({ path })), byPath: true };
  const tooBig = files.find((f) => f.size > MAX_INLINE_BYTES);
  if (tooBig)
    throw new Error(
      `${tooBig.name} is larger than 32 MB: in the browser only small files can be uploaded. Use the desktop app for large files.`,
    );
  const read = await readFiles(files);
  return { sources: read.map(({ name, dataBase64 }) => ({ name, dataBase64 })), byPath: false };
}

/** The prefix an item landed in, as the Catalog's crawler route takes it. */
export function crawlerPrefixUri(item: Pick<TransferItem, 'bucket' | 'key'>): string {
  const at = item.key.lastIndexOf('/');
  return `s3://${item.bucket}/${at < 0 ? '' : item.key.slice(0, at + 1)}`;
}

export const FINAL_STATES: ReadonlySet<TransferItem['state']> = new Set([
  'done',
  'skipped',
  'failed',
  'cancelled',
]);

/** How long is left, as a person reads it. */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '';
  if (seconds < 1) return 'under a second left';
  if (seconds < 90) return `${Math.round(seconds)} s left`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min left`;
  return `${(seconds / 3600).toFixed(1)} h left`;
}
