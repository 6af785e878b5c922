import type { CrawlOutcome, Crawler, CrawlerMatch, SavedQueryRef } from '@shared/glue.schema';
import { savedQueries } from '@shared/sql/saved-queries';

const withSlash = (uri: string) => (uri.endsWith('/') ? uri : `${uri}/`);

/** Glue's exclusion globs: `**` crosses folders, `*` and `?` stay within one. */
function globMatches(glob: string, path: string): boolean {
  // One pass, so the `*` inside a `**` is not turned into a one-folder wildcard as well.
  const body = glob.replace(/\*\*|\*|\?|[.+^${}()|[\]\\]/g, (t) =>
    t === '**' ? '.*' : t === '*' ? '[^/]*' : t === '?' ? '.' : `\\${t}`,
  );
  return new RegExp(`^${body}$`).test(path);
}

/**
 * The crawlers that would catalog files uploaded under `s3Uri`: a target that contains the prefix
 * (and does not exclude it) covers it; a target inside the prefix covers part of it.
 */
export function crawlersCovering(crawlers: readonly Crawler[], s3Uri: string): CrawlerMatch[] {
  const prefix = withSlash(s3Uri);
  const matches: CrawlerMatch[] = [];
  for (const crawler of crawlers) {
    for (const target of crawler.targets) {
      const path = withSlash(target.path);
      if (prefix.startsWith(path)) {
        // Excluded when a file uploaded right under the prefix would be (exclusions are relative globs).
        const file = `${prefix.slice(path.length)}upload.csv`;
        const excluded = target.exclusions.some((g) => globMatches(g, file));
        if (!excluded) matches.push({ crawler, target: target.path, coverage: 'covers' });
      } else if (path.startsWith(prefix)) {
        matches.push({ crawler, target: target.path, coverage: 'inside' });
      } else continue;
      break;
    }
  }
  return matches.sort((a, b) =>
    a.coverage === b.coverage
      ? a.crawler.name.localeCompare(b.crawler.name)
      : a.coverage === 'covers'
        ? -1
        : 1,
  );
}

/**
 * The saved queries that read any of these tables. A crawler's table prefix is ignored, so
 * `raw_billing` counts as `billing`.
 */
export function savedQueriesReading(tables: readonly string[], tablePrefix = ''): SavedQueryRef[] {
  const names = new Set(
    tables.flatMap((t) => [t, tablePrefix && t.startsWith(tablePrefix) ? t.slice(tablePrefix.length) : t]),
  );
  return savedQueries
    .filter((q) => q.tables.some((t) => names.has(t)))
    .map((q) => ({ id: q.id, name: q.name, tables: [...q.tables] }));
}

/** Title and body of the notification for a crawl's end, in a finance person's words. */
export function crawlEndedNotice(outcome: CrawlOutcome): { title: string; body: string } {
  const name = outcome.crawler.name;
  if (outcome.status === 'FAILED')
    return {
      title: `Crawler ${name} failed`,
      body: outcome.errorMessage ?? 'The crawl failed; see its log.',
    };
  if (outcome.status === 'CANCELLED')
    return { title: `Crawler ${name} stopped`, body: 'The crawl was stopped before it finished.' };
  const tables = outcome.changes.map((c) => c.name);
  const body = tables.length
    ? `${tables.length} table${tables.length === 1 ? '' : 's'} changed: ${tables.join(', ')}.` +
      (outcome.savedQueries.length
        ? ` Ready to query: ${outcome.savedQueries.map((q) => q.name).join(', ')}.`
        : '')
    : 'No table changed.';
  return { title: `Crawler ${name} finished`, body };
}
