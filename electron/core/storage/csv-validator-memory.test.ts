import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingDataset } from '@shared/datasets';
import { validateCsvFile } from './csv-validator';

const ROWS = 200_000;

// A full GC before each sample, so the test measures what the validator keeps, not garbage that
// V8 has not collected yet. vitest's workers do not start with --expose-gc, hence the flag here.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** JS heap plus Buffers (which live outside it): what a validator holding the file would grow. */
function used(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
const HEADER = 'id,company_name,country,city,product_line,item,bill_date,currency,bill_amount';

/** Writes the file in slices so the test itself never holds it whole. */
async function writeBigCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  for (let start = 0; start < ROWS; start += 10_000) {
    let slice = '';
    for (let i = start; i < start + 10_000; i += 1) {
      // Every 1000th row breaks a rule, and every 7th has a quoted newline, to keep the line
      // arithmetic honest over the whole file.
      const amount = i % 1000 === 999 ? '-1.00' : `${(i % 5000) / 100}`;
      const name = i % 7 === 0 ? `"Company ${i}\nLtd, ""Branch"""` : `Company ${i}`;
      slice += `${1000 + i},${name},USA,Chicago,Bakery,Bread,2025-01-05,USD,${amount}\n`;
    }
    if (!out.write(slice)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

describe('validateCsv on a large file', () => {
  let dir: string;
  let path: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lakedesk-big-'));
    path = join(dir, 'billing.csv');
    await writeBigCsv(path);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('validates 200k rows with flat memory and exact line numbers', async () => {
    const size = (await stat(path)).size;
    gc();
    const baseline = used();
    let peak = baseline;
    let lastProgress = 0;
    let nextSample = 0;
    const report = await validateCsvFile(path, billingDataset, {
      onProgress: (bytes) => {
        lastProgress = bytes;
        if (bytes < nextSample) return;
        nextSample = bytes + 1_000_000;
        gc();
        peak = Math.max(peak, used());
      },
    });
    expect(lastProgress).toBe(size);
    expect(report.rows).toBe(ROWS);
    expect(report.findingCount).toBe(ROWS / 1000);
    // Row i sits on line 2 + i + (rows before it with a quoted newline, i.e. ceil(i / 7)).
    const lineOf = (i: number) => 2 + i + Math.ceil(i / 7);
    expect(report.errors.slice(0, 3).map((f) => f.line)).toEqual([lineOf(999), lineOf(1999), lineOf(2999)]);
    expect(report.errors.every((f) => f.rule === 'min' && f.column === 'bill_amount')).toBe(true);
    // Holding the file (or its rows) would keep at least its size alive; streaming keeps buffers.
    const growth = peak - baseline;
    expect(size).toBeGreaterThan(10_000_000);
    expect(growth).toBeLessThan(4_000_000);
  });

  it('stops reading when its signal is aborted mid-file', async () => {
    const abort = new AbortController();
    let readWhenAborted = 0;
    const run = validateCsvFile(path, billingDataset, {
      signal: abort.signal,
      onProgress: (bytes) => {
        if (bytes > 1_000_000 && !abort.signal.aborted) {
          readWhenAborted = bytes;
          abort.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(readWhenAborted).toBeGreaterThan(0);
  });
});
