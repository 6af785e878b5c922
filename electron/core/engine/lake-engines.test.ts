import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LakeEngines } from './lake-engines';
import { fixturesDir, tempDir } from './test-lakes';

const engines = new LakeEngines();
const never = new AbortController().signal;

afterAll(async () => {
  await engines.closeAll();
});

describe('LakeEngines', () => {
  it('gives one engine per lake folder, crawled on first use', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'items'));
    await writeFile(join(root, 'items/i.csv'), 'item\nBread\n');
    const lake = await engines.ready(root);
    expect(await engines.open(`${root}/`)).toBe(lake);
    const result = await lake.engine.run({ sql: 'SELECT * FROM items', params: {} }, never);
    expect(result.firstRows).toEqual([['Bread']]);
    expect(await engines.withResult(result.resultId)).toBe(lake);
  });

  it("confines a lake's SQL to its folder: no reading or writing elsewhere", async () => {
    const lake = await engines.ready(await tempDir());
    const outside = join(fixturesDir, 'lake/orders/orders.csv');
    await expect(
      lake.engine.run({ sql: `SELECT * FROM read_csv('${outside}')`, params: {} }, never),
    ).rejects.toMatchObject({
      code: 'QUERY_FAILED',
      message: expect.stringContaining('Permission'),
    });
    await expect(
      lake.engine.exec([`COPY (SELECT 1) TO '${join(await tempDir(), 'x.csv')}'`]),
    ).rejects.toThrow(/Permission/);
    await expect(lake.engine.exec(['SET GLOBAL enable_external_access = true'])).rejects.toThrow();
  });
});
