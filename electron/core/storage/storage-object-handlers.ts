import { basename } from 'node:path';
import type { HandlerMap } from '../handler-types';
import { withStorage } from '../providers';

/** storage.details, .download, .delete and .createFolder, on a local lake or S3 alike. */
export const storageObjectHandlers: HandlerMap<
  'storage.details' | 'storage.download' | 'storage.delete' | 'storage.createFolder'
> = {
  'storage.details': (input, ctx) => withStorage(ctx, (storage) => storage.details(input.path)),
  'storage.download': {
    title: (input) => `Download ${basename(input.path)}`,
    run: (input, ctx, job) =>
      withStorage(
        ctx,
        (storage) =>
          storage.download(input.path, input.to, {
            overwrite: input.overwrite,
            signal: job.signal,
            onProgress: (p) => job.progress(p),
          }),
        job.signal,
      ),
  },
  'storage.delete': (input, ctx) =>
    withStorage(ctx, async (storage) => ({
      path: input.path,
      ...(await storage.delete(input.path, input.recursive)),
    })),
  'storage.createFolder': (input, ctx) => withStorage(ctx, (storage) => storage.createFolder(input.path)),
};
