import type { Services } from '../services';
import type { LocalLake } from './lake-engines';

/** The active workspace's lake, tables ready to query (crawled on first use). */
export async function activeLake(ctx: Pick<Services, 'workspaces' | 'engines'>): Promise<LocalLake> {
  const workspace = await ctx.workspaces.requireActive();
  return ctx.engines.ready(workspace.path);
}

/** The active workspace's lake without crawling it. */
export async function activeLakeUncrawled(ctx: Pick<Services, 'workspaces' | 'engines'>): Promise<LocalLake> {
  const workspace = await ctx.workspaces.requireActive();
  return ctx.engines.open(workspace.path);
}
