import { LakeError } from '@shared/errors';
import type { ParamValues } from '@shared/queries.schema';
import { findSavedQuery, savedQueries } from '@shared/sql/saved-queries';
import { activeLake } from '../engine/active-lake';
import { resultToCsv, resultToJson } from '../engine/result-export';
import type { HandlerMap } from '../handler-types';
import { requireSavedQuery } from './require-saved-query';
import { resolveSavedParams, type ResolvedParams } from './saved-params';

function plan(input: { sql?: string; savedId?: string; params: ParamValues }): {
  sql: string;
  params: ResolvedParams;
} {
  if ((input.sql === undefined) === (input.savedId === undefined)) {
    throw new LakeError('BAD_INPUT', 'Give either sql or savedId, not both or neither.');
  }
  if (input.savedId !== undefined) {
    const saved = requireSavedQuery(input.savedId);
    return { sql: saved.sql, params: resolveSavedParams(saved, input.params) };
  }
  // Ad-hoc SQL names its own placeholders: `$month`, or `?` bound from keys '1', '2', ….
  return { sql: input.sql!, params: { bound: { ...input.params }, echo: { ...input.params } } };
}

/** queries.*: saved and ad-hoc SQL on the active lake, results kept in the engine for paging. */
export const queriesHandlers: HandlerMap<
  'queries.listSaved' | 'queries.run' | 'queries.page' | 'queries.exportResult' | 'queries.discardResult'
> = {
  'queries.listSaved': () => [...savedQueries],
  'queries.run': {
    title: (input) =>
      input.savedId ? `Query: ${findSavedQuery(input.savedId)?.name ?? input.savedId}` : 'Query',
    async run(input, ctx, job) {
      const { sql, params } = plan(input);
      job.progress({ done: 0, message: 'running' });
      const lake = await activeLake(ctx);
      const result = await lake.engine.run({ sql, params: params.bound }, job.signal);
      return {
        ...result,
        elapsedMs: Math.round(result.elapsedMs),
        params: params.echo,
        sql,
        ...(input.savedId === undefined ? {} : { savedId: input.savedId }),
      };
    },
  },
  'queries.page': async (input, ctx) =>
    (await ctx.engines.withResult(input.resultId)).engine.page(input.resultId, input),
  'queries.exportResult': async (input, ctx) => {
    const { engine } = await ctx.engines.withResult(input.resultId);
    const text =
      input.format === 'json'
        ? await resultToJson(engine, input.resultId)
        : await resultToCsv(engine, input.resultId);
    return {
      text,
      rowCount: (await engine.page(input.resultId, { offset: 0, limit: 1, sort: [] })).rowCount,
    };
  },
  'queries.discardResult': async (input, ctx) => {
    const lake = await ctx.engines.withResult(input.resultId).catch(() => undefined);
    await lake?.engine.discard(input.resultId);
    return {};
  },
};
