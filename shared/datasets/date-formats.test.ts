import { describe, expect, it } from 'vitest';
import { ORDER_DATE_FORMATS } from './built-in-datasets';
import { parseDate, parseDateAs } from './date-formats';

describe('parseDate', () => {
  it('reads ISO dates strictly and checks the calendar', () => {
    expect(parseDate('2025-02-28')).toBe('2025-02-28');
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of [
      '2025-02-29',
      '2025-13-01',
      '2025-1-5',
      '07/01/2025',
      '2025-01-05 ',
      '',
      '2025-01-05T00:00:00',
    ]) {
      expect(parseDate(bad)).toBeUndefined();
    }
  });

  it('reads the extra order_date formats of DOMAIN.md', () => {
    expect(parseDate('02/28/2025', ORDER_DATE_FORMATS)).toBe('2025-02-28');
    expect(parseDate('2/3/2025', ORDER_DATE_FORMATS)).toBe('2025-02-03');
    expect(parseDate('2025/02/28', ORDER_DATE_FORMATS)).toBe('2025-02-28');
    expect(parseDate('28-02-2025', ORDER_DATE_FORMATS)).toBe('2025-02-28');
    expect(parseDate('2025-02-28 23:59:59', ORDER_DATE_FORMATS)).toBe('2025-02-28');
    expect(parseDate('2025-02-28 24:00:00', ORDER_DATE_FORMATS)).toBeUndefined();
    expect(parseDate('28/02/2025', ORDER_DATE_FORMATS)).toBeUndefined();
  });

  it('reads MM after HH as minutes', () => {
    expect(parseDateAs('2025-01-05 10:75:00', 'YYYY-MM-DD HH:MM:SS')).toBeUndefined();
    expect(parseDateAs('2025-01-05 10:45:00', 'YYYY-MM-DD HH:MM:SS')).toBe('2025-01-05');
  });
});
