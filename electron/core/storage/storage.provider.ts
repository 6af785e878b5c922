import type { Readable } from 'node:stream';
import type { JobProgress } from '@shared/jobs.schema';
import type { RowSet } from '@shared/results.schema';
import type { DownloadResult, ObjectDetails } from '@shared/storage-objects.schema';
import type { ColumnProfile, DatasetContract, StorageEntry } from '@shared/storage.schema';

export interface ListPage {
  prefix: string;
  entries: StorageEntry[];
  nextToken?: string;
}

export interface DownloadOptions {
  overwrite: boolean;
  signal: AbortSignal;
  onProgress: (progress: JobProgress) => void;
}

/**
 * The lake's files, wherever they are: a local folder (`local-storage.ts`) or S3 (`aws-storage.ts`,
 * where a path is `bucket/key…`). `providers.ts` picks one for the active workspace.
 */
export interface StorageProvider {
  readonly kind: 'local' | 'aws';
  /** Folders and files directly under a prefix; S3 pages with `token`. */
  list(prefix: string, page: { token?: string; pageSize?: number }, signal?: AbortSignal): Promise<ListPage>;
  /** The first rows of a CSV or Parquet file (S3: from a ranged GET of its first bytes). */
  preview(path: string, limit: number, maxBytes?: number): Promise<RowSet & { partial?: boolean }>;
  /** Per-column profile; S3 CSVs beyond a cap are profiled on their first part (`sampledBytes`). */
  profile(path: string): Promise<{ rows: number; columns: ColumnProfile[]; sampledBytes?: number }>;
  details(path: string, signal?: AbortSignal): Promise<ObjectDetails>;
  /** Copies a file or object to a local path, whole or not at all. */
  download(path: string, to: string, options: DownloadOptions): Promise<DownloadResult>;
  /** Deletes a file, or with `recursive` everything under a folder/prefix. */
  delete(path: string, recursive: boolean, signal?: AbortSignal): Promise<{ deleted: number }>;
  createFolder(path: string): Promise<{ path: string }>;
  /** The dataset contracts that apply: a local lake's own plus the built-ins; S3 the built-ins. */
  datasets(): Promise<DatasetContract[]>;
  /** A stream of a file's bytes (validation of a lake file). */
  openRead(path: string, signal?: AbortSignal): Promise<{ stream: Readable; size: number }>;
  /** Frees clients; the provider is not used afterwards. */
  close(): void;
}
