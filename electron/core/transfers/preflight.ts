import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LakeError } from '@shared/errors';
import type { ValidationReport } from '@shared/storage.schema';
import { validateCsv, type ContractPicker } from '../storage/csv-validator';

/** What the preflight learnt about a source file. */
export interface PreflightResult {
  size: number;
  mtimeMs: number;
  /** Hex SHA-256 of the whole file. */
  sha256: string;
  /** Present when the file is a CSV of a known dataset (validated). */
  report?: ValidationReport;
}

export interface PreflightOptions {
  signal: AbortSignal;
  onBytes: (bytes: number) => void;
  /** Findings kept per file (all are counted). */
  maxFindings: number;
}

/** A source file's fingerprint: what must not change between preflight and completion. */
export async function fingerprint(path: string): Promise<{ size: number; mtimeMs: number }> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw sourceProblem(error, path);
  });
  if (!info.isFile()) throw new LakeError('BAD_INPUT', `${path} is no longer a file.`);
  return { size: info.size, mtimeMs: info.mtimeMs };
}

/** A read failure of a source, said plainly: vanished, unreadable, or other. */
export function sourceProblem(error: NodeJS.ErrnoException, path: string): LakeError {
  if (error instanceof LakeError) return error;
  if (error.code === 'ENOENT') {
    return new LakeError(
      'NOT_FOUND',
      `The source file ${path} has vanished (moved or deleted).`,
      'Nothing was completed in S3; put the file back and retry, or skip it.',
    );
  }
  if (error.code === 'EACCES' || error.code === 'EPERM') {
    return new LakeError(
      'IO',
      `The source file ${path} cannot be read: permission denied.`,
      'Check its permissions (or copy it somewhere readable) and retry.',
    );
  }
  if (error.code === 'EISDIR') return new LakeError('BAD_INPUT', `${path} is a folder.`);
  return new LakeError(
    'IO',
    `Reading ${path} failed: ${error.message}`,
    'Retry; if it keeps failing, copy the file to a local disk first.',
  );
}

function hashing(hash: ReturnType<typeof createHash>, onBytes: (n: number) => void): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      onBytes(bytes);
      done(null, chunk);
    },
  });
}

async function hashWhole(path: string, options: PreflightOptions): Promise<string> {
  const hash = createHash('sha256');
  const sink = new Writable({ write: (_c, _e, done) => done() });
  await pipeline(createReadStream(path), hashing(hash, options.onBytes), sink, { signal: options.signal });
  return hash.digest('hex');
}

/**
 * The preflight of one file, before any byte is sent: a CSV of a known dataset is validated with
 * the local lake's validator (every finding, streaming) while its SHA-256 is computed in the same
 * read; any other file is only hashed. `pick` undefined means "not a CSV".
 */
export async function preflightFile(
  path: string,
  pick: ContractPicker | undefined,
  options: PreflightOptions,
): Promise<PreflightResult> {
  try {
    const before = await fingerprint(path);
    let report: ValidationReport | undefined;
    let sha256: string | undefined;
    if (pick && before.size > 0) {
      const hash = createHash('sha256');
      let hashed = 0;
      const meter = hashing(hash, (n) => {
        hashed = n;
        options.onBytes(n);
      });
      const file = createReadStream(path);
      file.on('error', (error) => meter.destroy(error));
      report = await validateCsv(file.pipe(meter), pick, {
        signal: options.signal,
        maxFindings: options.maxFindings,
      });
      // Validation stops at the header when the file is no known dataset: hash the rest then.
      if (hashed === before.size) sha256 = hash.digest('hex');
      file.destroy();
    }
    sha256 ??= await hashWhole(path, options);
    const after = await fingerprint(path);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
      throw new LakeError(
        'INVALID_DATA',
        `${path} changed while it was being checked.`,
        'Wait until whatever writes it has finished, then retry.',
      );
    }
    return { ...after, sha256, ...(report ? { report } : {}) };
  } catch (error) {
    if ((error as Error).name === 'AbortError' || options.signal.aborted) throw error;
    throw sourceProblem(error as NodeJS.ErrnoException, path);
  }
}
