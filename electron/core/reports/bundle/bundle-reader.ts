import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BundleChecksums,
  BundleManifest,
} from '@shared/bundle-manifest.schema';
import type { BundleIntegrity } from '@shared/bundles.schema';
import { LakeError } from '@shared/errors';
import { CHECKSUMS, MANIFEST, MAX_JSON_BYTES } from './bundle-names';
import { verifyMembers } from './bundle-verify';
import { ZipReader } from './zip-archive';

/** A bundle read and checked: its manifest, what differs, and the members copied out on request. */
export interface ReadBundle {
  path: string;
  bytes: number;
  manifest: BundleManifest;
  integrity: BundleIntegrity;
  /** Extracted members by member path (private temp names, never the names inside the zip). */
  extracted: Map<string, string>;
}

const EXPORT_AGAIN = 'Export the report again, or copy the file again: it may not have been copied whole.';

async function firstBytes(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await file.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Why a file is not a readable zip, in words a person can act on. */
async function notAZip(path: string, size: number, cause: unknown): Promise<LakeError> {
  const name = basename(path);
  if (size === 0)
    return new LakeError('INVALID_DATA', `${name} is empty: it is not a Lakedesk report.`, EXPORT_AGAIN);
  const head = await firstBytes(path);
  if (head.equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    const why = (cause as Error).message.split('.')[0];
    return new LakeError(
      'INVALID_DATA',
      `${name} is damaged: the report bundle is truncated or corrupt (${why}).`,
      EXPORT_AGAIN,
    );
  }
  return new LakeError(
    'BAD_INPUT',
    `${name} is not a Lakedesk report: it is not a zip archive.`,
    'Open a .lakereport file made by Export report.',
  );
}

async function readJson(
  zip: ZipReader,
  name: string,
  file: string,
): Promise<{ bytes: Buffer; value: unknown }> {
  let bytes: Buffer;
  try {
    bytes = await zip.readBuffer(name, MAX_JSON_BYTES);
  } catch (error) {
    throw new LakeError(
      'INVALID_DATA',
      `${file} is damaged: ${name} cannot be read (${(error as Error).message}).`,
      EXPORT_AGAIN,
    );
  }
  try {
    return { bytes, value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    throw new LakeError('INVALID_DATA', `${file} is damaged: ${name} is not valid JSON.`, EXPORT_AGAIN);
  }
}

function parseManifest(value: unknown, file: string): BundleManifest {
  const head = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(value);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) {
    throw new LakeError(
      'BAD_INPUT',
      `${file} is not a Lakedesk report: its manifest.json is of another kind.`,
    );
  }
  if (head.data.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new LakeError(
      'BAD_INPUT',
      `${file} was made by a newer Lakedesk (report format ${head.data.formatVersion}; this one reads ${BUNDLE_FORMAT_VERSION}).`,
      'Update Lakedesk to open it.',
    );
  }
  const manifest = BundleManifest.safeParse(value);
  if (!manifest.success) {
    const issue = manifest.error.issues[0];
    throw new LakeError(
      'INVALID_DATA',
      `${file} is damaged: manifest.json is not valid (${issue?.path.join('.')}: ${issue?.message}).`,
      EXPORT_AGAIN,
    );
  }
  return manifest.data;
}

async function readChecksums(zip: ZipReader, file: string): Promise<BundleChecksums | undefined> {
  if (!zip.entries.has(CHECKSUMS)) return undefined;
  const { value } = await readJson(zip, CHECKSUMS, file).catch(() => ({ value: undefined }));
  const parsed = BundleChecksums.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Opens a bundle and checks every member against checksums.json. What differs comes back in
 * `integrity`, naming the member; a file that is not a bundle at all, or cut short, is an error.
 * Members whose path `extract` accepts are copied to `extractDir` under private names.
 */
export async function readBundle(
  path: string,
  extractDir: string,
  extract: (memberPath: string) => boolean = () => false,
): Promise<ReadBundle> {
  const info = await stat(path);
  if (info.isDirectory()) throw new LakeError('BAD_INPUT', `${path} is a folder, not a report file.`);
  const file = basename(path);
  const zip = await ZipReader.open(path).catch(async (error: unknown) => {
    throw await notAZip(path, info.size, error);
  });
  try {
    if (!zip.entries.has(MANIFEST)) {
      throw new LakeError(
        'BAD_INPUT',
        `${file} is a zip archive but not a Lakedesk report: it has no manifest.json.`,
      );
    }
    const { bytes, value } = await readJson(zip, MANIFEST, file);
    const manifest = parseManifest(value, file);
    const checksums = await readChecksums(zip, file);
    const manifestHash = createHash('sha256').update(bytes).digest('hex');
    const extracted = new Map<string, string>();
    let count = 0;
    const integrity = await verifyMembers(zip, manifest, checksums, manifestHash, {
      copyTo(member) {
        if (!extract(member)) return undefined;
        const out = join(extractDir, `m${(count += 1)}.bin`);
        extracted.set(member, out);
        return out;
      },
      failed: (member) => extracted.delete(member),
    });
    return { path, bytes: info.size, manifest, integrity, extracted };
  } finally {
    zip.close();
  }
}
