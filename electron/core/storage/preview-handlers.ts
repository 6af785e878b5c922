import type { HandlerMap } from '../handler-types';
import { withStorage } from '../providers';

/**
 * storage.preview and storage.profile: a data file's first rows and per-column profile, via DuckDB
 * (a local file read in place; an S3 object from a ranged GET of its first bytes).
 */
export const previewHandlers: HandlerMap<'storage.preview' | 'storage.profile'> = {
  'storage.preview': (input, ctx) =>
    withStorage(ctx, async (storage) => ({
      path: input.path,
      ...(await storage.preview(input.path, input.limit, input.maxBytes)),
    })),
  'storage.profile': (input, ctx) =>
    withStorage(ctx, async (storage) => ({ path: input.path, ...(await storage.profile(input.path)) })),
};
