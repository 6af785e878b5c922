import { describe, expect, it } from 'vitest';
import type { Crawler } from '@shared/glue.schema';
import { crawlSummaryText, withCrawler } from './crawler-view';

const crawler = (name: string, state: Crawler['state']): Crawler => ({
  name,
  state,
  role: 'AWSGlueServiceRole-lake',
  database: 'lake',
  targets: [{ path: `s3://lake-raw/${name}/`, exclusions: [] }],
});

describe('crawler view helpers', () => {
  it('says a Glue run summary in words', () => {
    expect(crawlSummaryText('{"TABLE":{"ADD":{"Count":3},"UPDATE":{"Count":0}}}')).toBe('3 tables added');
    expect(crawlSummaryText('{"TABLE":{"UPDATE":{"Count":1}},"PARTITION":{"ADD":{"Count":12}}}')).toBe(
      '1 table updated, 12 partitions added',
    );
    expect(crawlSummaryText('{"TABLE":{"ADD":{"Count":0}}}')).toBe('No changes');
    expect(crawlSummaryText('Crawl finished')).toBe('Crawl finished');
    expect(crawlSummaryText(undefined)).toBeUndefined();
  });

  it('puts a changed crawler in place and a new one at the end', () => {
    const list = [crawler('a', 'READY'), crawler('b', 'READY')];
    expect(withCrawler(list, crawler('a', 'RUNNING')).map((c) => `${c.name}:${c.state}`)).toEqual([
      'a:RUNNING',
      'b:READY',
    ]);
    expect(withCrawler(list, crawler('c', 'READY')).map((c) => c.name)).toEqual(['a', 'b', 'c']);
  });
});
