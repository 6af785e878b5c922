import { resolve } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-file';

/** Writes command output to `--out FILE` (whole or not at all) or, without one, to stdout. */
export async function writeOutput(text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  await writeFileAtomic(resolve(out), text);
}

/** A note for a person at a terminal: stderr, and only on a TTY (never in pipes or CI logs). */
export function note(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${text}\n`);
}
