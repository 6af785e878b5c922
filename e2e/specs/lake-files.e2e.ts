import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsolePage } from '../pages/console-page';
import { LakePage } from '../pages/lake-page';
import { openConsole, type ConsoleSession } from '../support/session';

const HEADER = 'id,company_name,country,city,product_line,item,bill_date,currency,bill_amount';
const csv = (name: string, lines: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`${[HEADER, ...lines].join('\n')}\n`),
});
const GOOD = csv('billing_extra.csv', ['2001,North Mill,USA,Austin,Bakery,Bread,2025-03-04,USD,120.50']);
const BAD = csv('billing_bad.csv', [
  '2002,South Mill,USA,Austin,Bakery,Bread,2025-03-04,EUR,99.00',
  '2003,East Mill,USA,Austin,Candy,Bread,2025-13-01,USD,-5',
]);

// The Lake view on the sample lake: browse, preview, profile, validate, import with preflight.
describe.each(['light', 'dark'] as const)('lake files (%s)', (scheme) => {
  let session: ConsoleSession;
  let lake: LakePage;

  beforeAll(async () => {
    session = await openConsole({ colorScheme: scheme });
    const shell = new ConsolePage(session.page);
    await shell.ready();
    await shell.goTo('lake');
    lake = new LakePage(session.page);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('browses folders with a breadcrumb', async () => {
    await lake.entries().first().waitFor();
    expect(await lake.entryNames()).toEqual(expect.arrayContaining(['raw']));
    await lake.openFolder('raw');
    await lake.openFolder('billing');
    expect(await lake.crumbs()).toEqual(['Lake', 'raw', 'billing']);
    await session.screenshot(`lake-folder-${scheme}`);
  });

  it('previews a CSV file in a grid', async () => {
    await lake.openFile('billing.csv');
    expect(await lake.previewRows()).toBeGreaterThan(5);
    // ag-grid draws only the columns in view, so check the first ones.
    expect((await lake.previewHeaders()).slice(0, 3)).toEqual(['id', 'company_name', 'country']);
    await session.screenshot(`lake-preview-${scheme}`);
  });

  it('profiles every column', async () => {
    const profile = await lake.showProfile();
    expect(await profile.getByTestId('profile-row').count()).toBe(9);
    expect(await profile.innerText()).toContain('bill_amount');
    await session.screenshot(`lake-profile-${scheme}`);
  });

  it('validates the file against its recognised dataset', async () => {
    const result = await lake.validate();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.innerText()).toContain('billing');
  });

  it('offers files dropped from the desktop for import into the open folder', async () => {
    await lake.dropFiles([{ name: 'dropped.csv', text: `${HEADER}\n` }]);
    expect(await lake.importDialog.getByRole('heading').innerText()).toBe('Import into raw/billing/');
    expect(await lake.importDialog.innerText()).toContain('dropped.csv');
    await lake.cancelImport();
  });

  it('imports a clean file and holds one with findings until told to quarantine it', async () => {
    await lake.chooseFiles([GOOD, BAD]);
    await session.screenshot(`lake-import-preflight-${scheme}`);
    await lake.startImport();
    expect(await lake.outcomes()).toEqual({ 'billing_extra.csv': 'imported', 'billing_bad.csv': 'held' });
    const findings = lake.importDialog.getByTestId('finding');
    expect(await findings.count()).toBeGreaterThanOrEqual(3);
    await session.screenshot(`lake-import-held-${scheme}`);
    await lake.resolveHeld('Quarantine', 'billing_bad.csv');
    expect(await lake.outcomes()).toEqual({
      'billing_extra.csv': 'imported',
      'billing_bad.csv': 'quarantined',
    });
    await session.screenshot(`lake-import-done-${scheme}`);
    await lake.closeImport();
    await lake.waitForEntry('billing_extra.csv');
    expect(await lake.entryNames()).not.toContain('billing_bad.csv');
  });
});
