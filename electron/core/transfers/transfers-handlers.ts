import { LakeError } from '@shared/errors';
import type { HandlerMap } from '../handler-types';
import { abortIncomplete, listIncomplete, resumeIncomplete } from './incomplete-uploads';
import { cancel, clearFinished, pause, resolve, resume } from './queue-actions';

type TransferMethods =
  | 'transfers.inspect'
  | 'transfers.enqueue'
  | 'transfers.list'
  | 'transfers.findings'
  | 'transfers.resolve'
  | 'transfers.pause'
  | 'transfers.resume'
  | 'transfers.cancel'
  | 'transfers.clearFinished'
  | 'transfers.setOptions'
  | 'transfers.listIncomplete'
  | 'transfers.abortIncomplete'
  | 'transfers.resumeIncomplete';

/** transfers.*: the upload queue. Queue calls answer with the queue as it now stands. */
export const transfersHandlers: HandlerMap<TransferMethods> = {
  'transfers.inspect': (input, ctx) => ctx.transfers.inspect(input),
  'transfers.enqueue': (input, ctx) => ctx.transfers.enqueue(input),
  'transfers.list': (_input, ctx) => ctx.transfers.list(),
  'transfers.findings': async (input, ctx) => {
    const rec = (await ctx.transfers.queue()).records.get(input.id);
    if (!rec) throw new LakeError('NOT_FOUND', `No transfer with id ${input.id}.`);
    return {
      id: rec.id,
      dataset: rec.dataset,
      findingCount: rec.findingCount,
      findings: rec.findings,
      ...(rec.rows !== undefined ? { rows: rec.rows } : {}),
    };
  },
  'transfers.resolve': async (input, ctx) => {
    await resolve(await ctx.transfers.queue(), input.ids, input.action);
    return ctx.transfers.list();
  },
  'transfers.pause': async (input, ctx) => {
    await pause(await ctx.transfers.queue(), input.ids);
    return ctx.transfers.list();
  },
  'transfers.resume': async (input, ctx) => {
    await resume(await ctx.transfers.queue(), input.ids);
    return ctx.transfers.list();
  },
  'transfers.cancel': async (input, ctx) => {
    await cancel(await ctx.transfers.queue(), input.ids);
    return ctx.transfers.list();
  },
  'transfers.clearFinished': async (_input, ctx) => {
    await clearFinished(await ctx.transfers.queue());
    return ctx.transfers.list();
  },
  'transfers.setOptions': (input, ctx) => ctx.transfers.setOptions(input),
  'transfers.listIncomplete': async (input, ctx) => ({ uploads: await listIncomplete(ctx.transfers, input) }),
  'transfers.abortIncomplete': async (input, ctx) => ({
    aborted: await abortIncomplete(ctx.transfers, input),
  }),
  'transfers.resumeIncomplete': (input, ctx) => resumeIncomplete(ctx.transfers, input.uploadId),
};
