import { activeLakeUncrawled } from '../engine/active-lake';
import type { HandlerMap } from '../handler-types';
import { previewFile, profileFile } from './file-preview';

/** storage.preview and storage.profile: a data file's first rows and per-column profile, via DuckDB. */
export const previewHandlers: HandlerMap<'storage.preview' | 'storage.profile'> = {
  'storage.preview': async (input, ctx) => {
    const lake = await activeLakeUncrawled(ctx);
    return { path: input.path, ...(await previewFile(lake.engine, lake.root, input.path, input.limit)) };
  },
  'storage.profile': async (input, ctx) => {
    const lake = await activeLakeUncrawled(ctx);
    return { path: input.path, ...(await profileFile(lake.engine, lake.root, input.path)) };
  },
};
