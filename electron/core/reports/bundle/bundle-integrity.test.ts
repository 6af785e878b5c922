import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureLake, tempDir } from '../../engine/test-lakes';
import { flipByte, rewriteBundle, testCore, truncated, type TestCore } from './test-bundles';

let dir: string;
let bundle: string;
let app: TestCore;

beforeAll(async () => {
  dir = await tempDir('lakedesk-bundle-int-');
  bundle = join(dir, 'status.lakereport');
  const lake = await testCore(fixtureLake);
  await lake.job('reports.exportBundle', { source: { kind: 'saved', savedId: 'order-status' }, out: bundle });
  await lake.close();
  app = await testCore();
});
afterAll(() => app.close());

const openIt = (path: string) => app.call('reports.openBundle', { path, remember: false });

describe('bundle integrity', () => {
  it('a byte changed in a stored member opens with a warning naming it', async () => {
    const tampered = join(dir, 'png.lakereport');
    await flipByte(bundle, 'charts/order-status.png', tampered);
    const opened = await openIt(tampered);
    expect(opened.integrity.verified).toBe(false);
    expect(opened.integrity.problems).toEqual([
      expect.objectContaining({ member: 'charts/order-status.png', problem: 'modified' }),
    ]);
    expect(opened.integrity.problems[0]!.message).toMatch(
      /charts\/order-status\.png differs from its checksum/,
    );
    expect(opened.tables.map((t) => t.loaded)).toEqual([true]);
    // A changed bundle is not laundered into a clean-looking workbook or PDF.
    const xlsx = await app.fail('reports.exportXlsx', { from: { path: tampered }, out: join(dir, 'x.xlsx') });
    expect(xlsx).toMatchObject({
      code: 'INVALID_DATA',
      message: expect.stringContaining('charts/order-status.png'),
    });
    const pdf = await app.fail('reports.exportPdf', { from: { path: tampered }, out: join(dir, 'x.pdf') });
    expect(pdf.code).toBe('INVALID_DATA');
  });

  it('a byte changed in the Parquet data or a deflated CSV is named', async () => {
    const parquet = join(dir, 'parquet.lakereport');
    await flipByte(bundle, 'data/order_status.parquet', parquet);
    const a = await openIt(parquet);
    expect(a.integrity.problems).toContainEqual(
      expect.objectContaining({ member: 'data/order_status.parquet', problem: 'modified' }),
    );
    const csv = join(dir, 'csv.lakereport');
    await flipByte(bundle, 'data/order_status.csv', csv);
    const b = await openIt(csv);
    expect(b.integrity.verified).toBe(false);
    expect(b.integrity.problems.map((p) => p.member)).toEqual(['data/order_status.csv']);
  });

  it('a changed manifest, an added member and a removed one are each named', async () => {
    const changed = join(dir, 'manifest.lakereport');
    await rewriteBundle(bundle, changed, (members) => {
      const manifest = JSON.parse(members.get('manifest.json')!.toString()) as { title: string };
      members.set('manifest.json', Buffer.from(JSON.stringify({ ...manifest, title: 'Nothing to see' })));
      members.set('notes.txt', Buffer.from('added later'));
      members.delete('summary.pdf');
    });
    const opened = await openIt(changed);
    expect(opened.manifest.title).toBe('Nothing to see');
    expect(opened.integrity.problems.map((p) => [p.member, p.problem])).toEqual([
      ['manifest.json', 'modified'],
      ['notes.txt', 'unexpected'],
      ['summary.pdf', 'missing'],
    ]);
  });

  it('a truncated bundle is rejected clearly, naming the file', async () => {
    const cut = join(dir, 'cut.lakereport');
    await truncated(bundle, cut);
    const error = await app.fail('reports.openBundle', { path: cut });
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/^cut\.lakereport is damaged: the report bundle is truncated or corrupt/);
    expect(error.hint).toMatch(/Export the report again/);
  });

  it('a foreign file, a zip of something else, an empty file and a missing one are rejected', async () => {
    const csv = join(dir, 'sales.lakereport');
    await copyFile(join(fixtureLake, 'expected', 'order_status.csv'), csv);
    expect(await app.fail('reports.openBundle', { path: csv })).toMatchObject({
      code: 'BAD_INPUT',
      message: 'sales.lakereport is not a Lakedesk report: it is not a zip archive.',
    });
    const other = join(dir, 'other.lakereport');
    await rewriteBundle(bundle, other, (members) => members.delete('manifest.json'));
    expect((await app.fail('reports.openBundle', { path: other })).message).toBe(
      'other.lakereport is a zip archive but not a Lakedesk report: it has no manifest.json.',
    );
    const empty = join(dir, 'empty.lakereport');
    await writeFile(empty, '');
    expect(await app.fail('reports.openBundle', { path: empty })).toMatchObject({ code: 'INVALID_DATA' });
    expect((await app.fail('reports.openBundle', { path: join(dir, 'gone.lakereport') })).code).toBe(
      'NOT_FOUND',
    );
  });
});
