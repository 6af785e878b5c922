import { openAwsCatalog, using } from '../providers';
import type { Services } from '../services';
import type { CrawlerLookup } from './transfer-service';

/**
 * The Glue crawlers of a workspace whose targets cover an uploaded folder, so the UI can offer to
 * run one after an upload. A role without Glue access simply gets none.
 */
export function glueCrawlerLookup(services: Services): CrawlerLookup {
  return async (workspaceId, s3Uri) => {
    const { catalog } = await openAwsCatalog(services, workspaceId);
    const matches = await using(catalog, (c) => c.crawlersForPrefix(s3Uri));
    return matches
      .filter((m) => m.coverage === 'covers')
      .map((m) => ({ name: m.crawler.name, s3Target: m.target }));
  };
}
