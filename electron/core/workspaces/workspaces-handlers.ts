import type { HandlerMap } from '../handler-types';

export const workspacesHandlers: HandlerMap<
  'workspaces.list' | 'workspaces.open' | 'workspaces.activate' | 'workspaces.forget'
> = {
  'workspaces.list': (_input, ctx) => ctx.workspaces.list(),
  'workspaces.open': (input, ctx) => ctx.workspaces.openLocal(input.path),
  'workspaces.activate': (input, ctx) => ctx.workspaces.activate(input.id),
  'workspaces.forget': (input, ctx) => ctx.workspaces.forget(input.id),
};
