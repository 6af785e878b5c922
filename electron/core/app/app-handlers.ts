import { LakeError } from '@shared/errors';
import type { DesktopDialogs } from '../desktop-dialogs';
import type { CallContext, HandlerMap } from '../handler-types';

function dialogs(ctx: CallContext): DesktopDialogs {
  if (!ctx.desktop) {
    throw new LakeError(
      'BAD_INPUT',
      'File dialogs exist only in the desktop app.',
      'In browser mode, exports are downloaded by the browser and reports are opened with a file picker.',
    );
  }
  return ctx.desktop;
}

export const appHandlers: HandlerMap<
  'app.info' | 'app.chooseSavePath' | 'app.chooseOpenPath' | 'jobs.list' | 'jobs.get' | 'jobs.cancel'
> = {
  'app.info': (_input, ctx) => ({
    name: 'Lakedesk',
    version: ctx.version,
    platform: `${process.platform}-${process.arch}`,
    frontDoor: ctx.caller.frontDoor,
  }),
  'app.chooseSavePath': async (input, ctx) => ({ path: await dialogs(ctx).chooseSavePath(input) }),
  'app.chooseOpenPath': async (input, ctx) => ({ path: await dialogs(ctx).chooseOpenPath(input) }),
  'jobs.list': (_input, ctx) => ctx.jobs.list(),
  'jobs.get': (input, ctx) => ctx.jobs.get(input.jobId),
  'jobs.cancel': (input, ctx) => ({ cancelled: ctx.jobs.cancel(input.jobId) }),
};
