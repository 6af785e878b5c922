import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { buffer } from 'node:stream/consumers';
import * as yauzl from 'yauzl';
import * as yazl from 'yazl';

/**
 * Rewrites a zip with one member's bytes changed and every other member as it was (same order,
 * names, dates and compression), so the archive still opens and only that member's checksum fails:
 * what a casual edit of one file inside a report looks like.
 */
export async function tamperZipMember(
  source: string,
  target: string,
  member: string,
  change: (data: Buffer) => Buffer,
): Promise<void> {
  const zip = await yauzl.openPromise(source, { lazyEntries: true });
  const out = new yazl.ZipFile();
  const written = finished(out.outputStream.pipe(createWriteStream(target)));
  let isFound = false;
  for await (const entry of zip.eachEntry()) {
    const data = await buffer(await zip.openReadStreamPromise(entry));
    const isTarget = entry.fileName === member;
    isFound ||= isTarget;
    out.addBuffer(isTarget ? change(data) : data, entry.fileName, {
      mtime: entry.getLastModDate(),
      compress: entry.compressionMethod === 8,
    });
  }
  zip.close();
  out.end();
  await written;
  if (!isFound) throw new Error(`${source} has no member ${member}`);
}

/** Changes one character of a text member: the first `from` becomes `to` (same length, same byte count). */
export function flipFirst(from: string, to: string): (data: Buffer) => Buffer {
  return (data) => {
    const text = data.toString('latin1');
    const at = text.indexOf(from);
    if (at < 0 || from.length !== to.length) throw new Error(`cannot swap "${from}" for "${to}"`);
    return Buffer.from(text.slice(0, at) + to + text.slice(at + from.length), 'latin1');
  };
}
