import { LakeError } from '@shared/errors';
import type { ParamValues, QueryParameter, SavedQuery } from '@shared/queries.schema';
import type { BoundValue } from '../engine/query-engine';

export interface ResolvedParams {
  /** By placeholder: '1', '2', … for the saved SQL's `?` in order. */
  bound: Record<string, BoundValue>;
  /** By parameter name: exactly the values bound. */
  echo: ParamValues;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function coerce(parameter: QueryParameter, raw: string | number): string | number {
  const bad = (what: string) =>
    new LakeError(
      'BAD_INPUT',
      `Parameter ${parameter.name} must be ${what}, not "${raw}".`,
      parameter.description,
    );
  const text = String(raw).trim();
  switch (parameter.type) {
    case 'number': {
      const value = typeof raw === 'number' ? raw : Number(text);
      if (text === '' || !Number.isFinite(value)) throw bad('a number');
      return value;
    }
    case 'month':
      if (!MONTH.test(text)) throw bad('a month as YYYY-MM');
      return text;
    case 'date':
      if (!DATE.test(text)) throw bad('a date as YYYY-MM-DD');
      return text;
    case 'choice':
      if (!(parameter.options ?? []).includes(text))
        throw bad(`one of ${(parameter.options ?? []).join(', ')}`);
      return text;
    default:
      return String(raw);
  }
}

/**
 * The values for a saved query's placeholders: the n-th `?` takes the n-th parameter's value (given,
 * else its default), checked against its type. Unknown or missing names are the caller's mistake.
 */
export function resolveSavedParams(saved: SavedQuery, given: ParamValues): ResolvedParams {
  const known = new Set(saved.parameters.map((p) => p.name));
  const unknown = Object.keys(given).filter((name) => !known.has(name));
  if (unknown.length) {
    const has = saved.parameters.length ? `its parameters: ${[...known].join(', ')}` : 'it takes none';
    throw new LakeError(
      'BAD_INPUT',
      `The saved query ${saved.id} has no parameter ${unknown.join(', ')} (${has}).`,
    );
  }
  const bound: Record<string, BoundValue> = {};
  const echo: ParamValues = {};
  saved.parameters.forEach((parameter, index) => {
    const raw = given[parameter.name] ?? parameter.default;
    if (raw === undefined) {
      throw new LakeError(
        'BAD_INPUT',
        `The saved query ${saved.id} needs a value for ${parameter.name}.`,
        parameter.description,
      );
    }
    const value = coerce(parameter, raw);
    bound[String(index + 1)] = value;
    echo[parameter.name] = value;
  });
  return { bound, echo };
}
