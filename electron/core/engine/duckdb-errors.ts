import { LakeError } from '@shared/errors';
import { cancelledError } from '../errors';

/** Where in the SQL an error points, 1-based. */
export interface SqlPosition {
  line: number;
  column: number;
}

/**
 * Finds the position DuckDB marks under `LINE n: …` with a caret. DuckDB may show only a window of a
 * long line (with `...`), so the column is found by locating that window in the real line.
 */
export function errorPosition(message: string, sql: string): SqlPosition | undefined {
  const match = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!match) return undefined;
  const line = Number(match[1]);
  const prefix = `LINE ${match[1]}: `.length;
  let shown = match[2] ?? '';
  let caret = (match[3] ?? '').length - prefix;
  if (shown.startsWith('...')) {
    shown = shown.slice(3);
    caret -= 3;
  }
  const text = sql.split(/\r?\n/)[line - 1] ?? '';
  const window = shown.replace(/\.\.\.$/, '');
  const start = window ? text.indexOf(window) : 0;
  return { line, column: Math.max(0, start) + Math.max(0, caret) + 1 };
}

/** Just past the last character: where "syntax error at end of input" points (DuckDB shows no caret). */
function endOf(sql: string): SqlPosition {
  const lines = sql.trimEnd().split(/\r?\n/);
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/** The first line of DuckDB's message, without its `Kind Error:` prefix. */
function headline(message: string): { kind: string; text: string } {
  const first = message.split('\n')[0] ?? message;
  const match = /^([A-Za-z ]+) Error: (.*)$/.exec(first);
  return match ? { kind: match[1]!, text: match[2]! } : { kind: '', text: first };
}

/**
 * Turns a DuckDB failure into a QUERY_FAILED that names the position and says what to do.
 * `tables` are the lake's known tables, to suggest the right name for a missing one.
 */
export function toQueryError(
  error: unknown,
  sql: string,
  tables: readonly string[] = [],
  aborted = false,
): Error {
  if (error instanceof LakeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (aborted || /^INTERRUPT Error/.test(message)) return cancelledError();
  const { kind, text } = headline(message);
  const position = errorPosition(message, sql) ?? (/at end of input/.test(message) ? endOf(sql) : undefined);
  const where = position ? ` (line ${position.line}, column ${position.column})` : '';
  const suggestion = /Did you mean "([^"]+)"/.exec(message)?.[1];
  const known = tables.length ? ` Tables in this lake: ${tables.join(', ')}.` : '';
  if (/^Parser/.test(kind)) {
    return new LakeError(
      'QUERY_FAILED',
      `Syntax error${where}: ${text}`,
      'Fix the SQL at that position and run it again.',
    );
  }
  const missingTable = /Table with name (\S+) does not exist/.exec(text);
  if (missingTable) {
    const hint = suggestion && tables.includes(suggestion) ? ` Did you mean "${suggestion}"?` : '';
    return new LakeError(
      'QUERY_FAILED',
      `Table "${missingTable[1]}" does not exist${where}.${hint}`,
      `Tables come from the lake's folders: check the name, or crawl the lake after adding files.${known}`,
    );
  }
  const label = kind ? `${kind} error` : 'Query failed';
  return new LakeError('QUERY_FAILED', `${label}${where}: ${text}`, 'Check the SQL and the data it reads.');
}
