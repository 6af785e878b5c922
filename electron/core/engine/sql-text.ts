/** A SQL identifier in double quotes, safe for any name. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal, safe for any text (for file paths, which table functions need as text). */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The statement without trailing semicolons, so it can be wrapped in a subquery. Text after the last
 * semicolon that is only whitespace or a line comment is dropped with it.
 */
export function stripTrailingSemicolons(sql: string): string {
  let text = sql.trimEnd();
  for (;;) {
    const trailingComment = /;\s*--[^\n]*$/.exec(text);
    if (trailingComment) text = text.slice(0, trailingComment.index + 1).trimEnd();
    if (!text.endsWith(';')) return text;
    text = text.slice(0, -1).trimEnd();
  }
}
