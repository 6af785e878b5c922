import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BUNDLE_EXTENSION } from '@shared/bundle-manifest.schema';
import { LakeError } from '@shared/errors';
import { writeFileAtomic } from '../../atomic-file';
import { FIRST_PAGE_ROWS } from '../../engine/query-engine';
import { quoteIdent } from '../../engine/sql-text';
import type { HandlerMap } from '../../handler-types';
import { pageQueries } from './bundle-paging';
import type { OpenBundle } from './bundle-sessions';
import { slugOf } from './output-paths';

/** Most bytes browser mode may send as one report (base64 in the JSON body, which allows 256 MB). */
const MAX_IMPORT_BYTES = 180 * 1024 * 1024;

function target(bundle: OpenBundle, input: { target: { table: string } | { resultId: string } }) {
  if ('table' in input.target) {
    const name = input.target.table;
    const table = bundle.tables.find((t) => t.name === name && t.loaded);
    if (!table)
      throw new LakeError(
        'NOT_FOUND',
        `The report has no table "${name}" to show.`,
        `Its tables: ${bundle.tables
          .filter((t) => t.loaded)
          .map((t) => t.name)
          .join(', ')}.`,
      );
    return { sql: quoteIdent(table.name), columns: table.columns };
  }
  const { resultId } = input.target;
  if (!bundle.engine.hasResult(resultId)) {
    throw new LakeError('NOT_FOUND', `No result ${resultId} in this report.`, 'Run the query again.');
  }
  return { sql: bundle.engine.resultTable(resultId), columns: bundle.engine.columns(resultId) };
}

/** reports.* for report bundles: open, query and page offline, the recent list, browser-mode import. */
export const bundlesHandlers: HandlerMap<
  | 'reports.openBundle'
  | 'reports.importBundle'
  | 'reports.queryBundle'
  | 'reports.pageBundle'
  | 'reports.closeBundle'
  | 'reports.recentBundles'
  | 'reports.forgetRecentBundle'
> = {
  'reports.openBundle': async (input, ctx) => {
    const opened = await ctx.bundles.sessions.open(input.path);
    if (input.remember)
      await ctx.bundles.recent.remember(opened.path, opened.manifest).catch(() => undefined);
    return opened;
  },
  'reports.importBundle': async (input, ctx) => {
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_IMPORT_BYTES) {
      throw new LakeError(
        'BAD_INPUT',
        `${input.fileName}: a report must be between 1 byte and 180 MB to send through browser mode.`,
      );
    }
    // A name of our own making: the browser's file name is only a hint, never a path.
    const name = `${slugOf(input.fileName.replace(/\.lakereport$/i, ''))}-${randomBytes(4).toString('hex')}${BUNDLE_EXTENSION}`;
    const path = join(ctx.home, 'imports', name);
    await writeFileAtomic(path, bytes);
    return { path };
  },
  'reports.queryBundle': async (input, ctx) => {
    const bundle = ctx.bundles.sessions.get(input.bundleId);
    const result = await bundle.engine.run({ sql: input.sql, params: {} }, new AbortController().signal);
    return {
      resultId: result.resultId,
      columns: result.columns,
      rowCount: result.rowCount,
      elapsedMs: Math.round(result.elapsedMs),
      firstRows: result.firstRows.slice(0, FIRST_PAGE_ROWS),
    };
  },
  'reports.pageBundle': async (input, ctx) => {
    const bundle = ctx.bundles.sessions.get(input.bundleId);
    const { sql, columns } = target(bundle, input);
    const queries = pageQueries(sql, columns, input);
    const page = await bundle.engine.query(queries.page, queries.params);
    const count = await bundle.engine.query(queries.count, queries.params);
    return { columns: page.columns, rows: page.rows, rowCount: Number(count.rows[0]?.[0] ?? 0) };
  },
  'reports.closeBundle': async (input, ctx) => {
    await ctx.bundles.sessions.close(input.bundleId);
    return {};
  },
  'reports.recentBundles': (_input, ctx) => ctx.bundles.recent.list(),
  'reports.forgetRecentBundle': async (input, ctx) => {
    await ctx.bundles.recent.forget(input.path);
    return ctx.bundles.recent.list();
  },
};
