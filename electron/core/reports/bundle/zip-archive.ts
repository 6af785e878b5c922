import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';

/** One member to put in a zip: the file on disk, its name inside, and whether to deflate it. */
export interface ZipInput {
  name: string;
  file: string;
  /** Off for members already compressed (Parquet, PNG, PDF): deflating them again only costs time. */
  compress: boolean;
}

/** Writes the members, in order, into a new zip at `path`. */
export async function writeZip(path: string, members: readonly ZipInput[], mtime: Date): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const member of members) zip.addFile(member.file, member.name, { compress: member.compress, mtime });
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  zip.end();
  await Promise.race([pipeline(zip.outputStream, createWriteStream(path)), failed]);
}

/** Most members a bundle may hold: far more than any report has, few enough to list at once. */
const MAX_ENTRIES = 10_000;

/** A zip opened for reading members one at a time (random access, so nothing is read twice). */
export class ZipReader {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  /** Opens the zip and reads its central directory; yauzl's error when it is not one (or cut short). */
  static async open(path: string): Promise<ZipReader> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, file) =>
        error ? reject(error) : resolve(file),
      ),
    );
    try {
      return new ZipReader(zip, await readDirectory(zip));
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  /** The member's bytes, as a stream. */
  openStream(name: string): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) return Promise.reject(new Error(`${name} is not in the archive.`));
    return new Promise((resolve, reject) =>
      this.zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
    );
  }

  /** The member's whole bytes, refused past `maxBytes` (a manifest is small; a bomb is not). */
  async readBuffer(name: string, maxBytes: number): Promise<Buffer> {
    const size = this.entries.get(name)?.uncompressedSize ?? 0;
    if (size > maxBytes) throw new Error(`${name} is ${size} bytes, more than the ${maxBytes} allowed.`);
    const chunks: Buffer[] = [];
    for await (const chunk of await this.openStream(name)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Streams the member through SHA-256, copying it to `copyTo` when given; returns the hex digest. */
  async hash(name: string, copyTo?: string): Promise<string> {
    const hash = createHash('sha256');
    const stream = await this.openStream(name);
    stream.on('data', (chunk: Buffer) => hash.update(chunk));
    if (copyTo === undefined) {
      stream.resume();
      await new Promise<void>((resolve, reject) => stream.on('end', resolve).on('error', reject));
    } else {
      await pipeline(stream, createWriteStream(copyTo));
    }
    return hash.digest('hex');
  }

  close(): void {
    this.zip.close();
  }
}

function readDirectory(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.size >= MAX_ENTRIES) return reject(new Error(`more than ${MAX_ENTRIES} members`));
      // A name seen twice would make "the" member ambiguous: a checksum could vouch for the other one.
      if (entries.has(entry.fileName)) return reject(new Error(`member ${entry.fileName} appears twice`));
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}
