import type { HandlerMap } from '../handler-types';

export const appHandlers: HandlerMap<'app.info' | 'jobs.list' | 'jobs.get' | 'jobs.cancel'> = {
  'app.info': (_input, ctx) => ({
    name: 'Lakedesk',
    version: ctx.version,
    platform: `${process.platform}-${process.arch}`,
    frontDoor: ctx.caller.frontDoor,
  }),
  'jobs.list': (_input, ctx) => ctx.jobs.list(),
  'jobs.get': (input, ctx) => ctx.jobs.get(input.jobId),
  'jobs.cancel': (input, ctx) => ({ cancelled: ctx.jobs.cancel(input.jobId) }),
};
