import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { billingDataset, builtInDatasets, ordersDataset, recogniseDataset } from '@shared/datasets';
import type { DatasetContract } from '@shared/storage.schema';
import { validateCsv, validateCsvBytes, validateCsvFile } from './csv-validator';

// From electron/core/storage up to the folder that holds the repo and the team handbook.
const fixtures = resolve(__dirname, '../../../../shared/fixtures/invalid');

interface Expected {
  ok: boolean;
  rows: number;
  errors: Array<{ line: number; column: string; rule: string; value?: string }>;
}

const HEADER = 'id,company_name,country,city,product_line,item,bill_date,currency,bill_amount';

function bytes(...parts: Array<string | number[]>): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
}

/** Feeds the bytes one at a time: every chunk boundary falls everywhere once. */
function byteByByte(data: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += 1) yield data.subarray(i, i + 1);
    })(),
  );
}

async function validate(data: Buffer, contract: DatasetContract = billingDataset) {
  const whole = await validateCsvBytes(data, () => contract);
  const split = await validateCsv(byteByByte(data), () => contract);
  expect(split).toEqual(whole);
  return whole!;
}

describe('validateCsv against the fixtures', () => {
  const names = readdirSync(fixtures).filter((f) => f.endsWith('.csv'));

  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(4));

  it.each(names)('%s matches its expected.json', async (name) => {
    const expected = JSON.parse(
      readFileSync(join(fixtures, name.replace(/\.csv$/, '.expected.json')), 'utf8'),
    ) as Expected;
    const header = readFileSync(join(fixtures, name), 'utf8').split(/\r?\n/)[0]!.split(',');
    const contract = recogniseDataset(header) ?? billingDataset;
    const report = await validateCsvFile(join(fixtures, name), contract);
    expect(report.ok).toBe(expected.ok);
    expect(report.rows).toBe(expected.rows);
    expect(report.findingCount).toBe(expected.errors.length);
    const got = report.errors.map(({ line, column, rule, value }, i) =>
      expected.errors[i]?.value === undefined ? { line, column, rule } : { line, column, rule, value },
    );
    expect(got).toEqual(expected.errors);
    for (const finding of report.errors) expect(finding.message.length).toBeGreaterThan(10);
  });
});

describe('validateCsv line numbers and encodings', () => {
  it('counts physical lines through quoted newlines (LF and CRLF)', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = [
        HEADER,
        `1001,"Acme${eol}Foods${eol}Ltd",USA,Chicago,Bakery,Bread,2025-01-05,USD,abc`,
        '1002,Blue,USA,Austin,Fish,Milk,2025-01-06,USD,1',
        `1003,"Cedar ""Market""",USA,Austin,Dairy,"Mi${eol}lk",2025-01-07,USD,-1`,
      ].join(eol);
      const report = await validate(bytes(text));
      expect(report.rows).toBe(3);
      expect(report.errors.map((f) => [f.line, f.column, f.rule])).toEqual([
        [4, 'bill_amount', 'number'],
        [5, 'product_line', 'enum'],
        [7, 'bill_amount', 'min'],
      ]);
    }
  });

  it('reports invalid UTF-8 with its line and column, and keeps going', async () => {
    const data = bytes(
      `${HEADER}\n1001,Caf`,
      [0xe9],
      ',USA,Chicago,Bakery,Bread,2025-01-05,USD,1\n1002,"Two',
      [0xc3],
      '\nlines",USA,Austin,Dairy,Milk,2025-01-06,USD,x\n1003,Ok,USA,Austin,Dairy,Milk,2025-01-07,USD,2\n',
      [0xff],
    );
    const report = await validate(data);
    expect(report.errors.map((f) => [f.line, f.column, f.rule])).toEqual([
      [2, 'company_name', 'encoding'],
      [3, 'company_name', 'encoding'],
      [4, 'bill_amount', 'number'],
      [6, 'id', 'encoding'],
      [6, '', 'ragged'],
    ]);
    expect(report.rows).toBe(4);
    expect(report.errors[0]!.message).toMatch(/UTF-8/);
  });

  it('accepts valid multi-byte UTF-8 split across chunks, a BOM and mixed line ends', async () => {
    const text = `\uFEFF${HEADER}\r\n1001,Crème brûlée 🍰,México,Ciudad,Bakery,Bread,2025-01-05,MXN,1\n\n1002,Zoë,USA,Austin,Dairy,Milk,2025-01-06,USD,2\r`;
    const report = await validate(bytes(text));
    expect(report).toMatchObject({ ok: true, rows: 2, errors: [] });
  });

  it('reports old Mac line ends (lone CR) by physical line', async () => {
    const report = await validate(
      bytes(`${HEADER}\r1001,A,USA,X,Bakery,Bread,2025-01-05,USD,1\r1002,B,USA,X,Bakery,Bread,bad,USD,1\r`),
    );
    expect(report.errors.map((f) => [f.line, f.rule])).toEqual([[3, 'date']]);
  });

  it('reports an unclosed quote at the line it opens', async () => {
    const report = await validate(
      bytes(
        `${HEADER}\n1001,A,USA,X,Bakery,Bread,2025-01-05,USD,1\n1002,"B,USA,X,Bakery,Bread,2025-01-05,USD,1\n1003,C\n`,
      ),
    );
    expect(report.errors.map((f) => [f.line, f.rule, f.value])).toEqual([[3, 'ragged', 'unclosed quote']]);
  });

  it('reports unknown and duplicate columns, and an empty file', async () => {
    const report = await validate(bytes(`${HEADER},notes,id\n`));
    expect(report.errors.map((f) => [f.line, f.column, f.rule])).toEqual([
      [1, 'notes', 'columns'],
      [1, 'id', 'columns'],
    ]);
    const empty = await validate(bytes(''));
    expect(empty.rows).toBe(0);
    expect(empty.findingCount).toBe(billingDataset.columns.length);
  });

  it('accepts the extra order_date formats and rejects impossible dates', async () => {
    const rows = [
      '02/28/2025',
      '2025/02/28',
      '28-02-2025',
      '2025-02-28 13:45:00',
      '2/3/2025',
      '2025-02-30',
      '2025-13-01',
      '31/12/2025',
    ];
    const text = [
      'order_id,customer_id,order_date,order_amount,order_status',
      ...rows.map((d, i) => `O${i},C1,${d},1.00,Shipped`),
    ].join('\n');
    const report = await validate(bytes(text), ordersDataset);
    expect(report.errors.map((f) => f.value)).toEqual(['2025-02-30', '2025-13-01', '31/12/2025']);
  });

  it('keeps at most maxFindings but counts them all', async () => {
    const text = [
      HEADER,
      ...Array.from({ length: 50 }, (_, i) => `${i},A,USA,X,Fish,Bread,2025-01-05,USD,1`),
    ].join('\n');
    const report = await validateCsvBytes(bytes(text), () => billingDataset, { maxFindings: 10 });
    expect(report).toMatchObject({ ok: false, rows: 50, truncated: true, findingCount: 50 });
    expect(report!.errors).toHaveLength(10);
  });

  it('returns undefined when the picker knows no dataset for the header, and honours a signal', async () => {
    const none = await validateCsvBytes(bytes('a,b\n1,2\n'), (h) => recogniseDataset(h, builtInDatasets));
    expect(none).toBeUndefined();
    const abort = new AbortController();
    abort.abort();
    await expect(
      validateCsvBytes(bytes(`${HEADER}\n`), () => billingDataset, { signal: abort.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
