import { describe, expect, it } from 'vitest';
import { defaultFileName, downloadHref } from './export-formats';

describe('export formats', () => {
  it('proposes a file name from the report title with the format extension', () => {
    expect(defaultFileName('Gross profit', 'bundle')).toBe('gross-profit.lakereport');
    expect(defaultFileName('KPI dashboard', 'xlsx')).toBe('kpi-dashboard.xlsx');
    expect(defaultFileName('Top 10 orders in a month', 'pdf')).toBe('top-10-orders-in-a-month.pdf');
  });

  it('keeps a download name one path segment', () => {
    expect(downloadHref('gross-profit-20250101T000000-ab12.lakereport')).toBe(
      '/download/gross-profit-20250101T000000-ab12.lakereport',
    );
    expect(downloadHref('../settings.json')).toBe('/download/..%2Fsettings.json');
  });
});
