import { describe, expect, it } from 'vitest';
import { formatSeconds, formatSpan, spanMs } from './format-time';
import { baseName, parentPrefix, s3UriToLakePath } from './s3-uri';

describe('time spans', () => {
  it('reads like a person would say it', () => {
    expect(formatSeconds(42.4)).toBe('42 s');
    expect(formatSeconds(185)).toBe('3 min 05 s');
    expect(formatSeconds(6720)).toBe('1 h 52 min');
  });

  it('measures to now while running, and says nothing without a start', () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    expect(spanMs('2025-03-01T09:59:58.500Z', undefined, now)).toBe(1500);
    expect(formatSpan('2025-03-01T09:59:58.500Z', '2025-03-01T10:00:00Z')).toBe('1.50 s');
    expect(formatSpan('2025-03-01T08:08:00Z', undefined, now)).toBe('1 h 52 min');
    expect(formatSpan(undefined, undefined)).toBe('—');
  });
});

describe('S3 URIs as lake paths', () => {
  it('turns s3://bucket/key into bucket/key and finds its folder', () => {
    const uri = 's3://lake-curated/out/run_id=1/csv/part-0.csv';
    expect(s3UriToLakePath(uri)).toBe('lake-curated/out/run_id=1/csv/part-0.csv');
    expect(parentPrefix('lake-curated/out/run_id=1/csv/part-0.csv')).toBe('lake-curated/out/run_id=1/csv/');
    expect(baseName(uri)).toBe('part-0.csv');
    expect(s3UriToLakePath('/etc/passwd')).toBeUndefined();
  });
});
