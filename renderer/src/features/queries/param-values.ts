import type { ParamValues, QueryParameter } from '@shared/queries.schema';

export type ParamDraft = Record<string, string>;

const PATTERNS: Partial<Record<QueryParameter['type'], { re: RegExp; example: string }>> = {
  month: { re: /^\d{4}-(0[1-9]|1[0-2])$/, example: 'YYYY-MM, e.g. 2025-02' },
  date: { re: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, example: 'YYYY-MM-DD' },
};

/** The form's starting values: each parameter's default, else the first choice, else empty. */
export function initialDraft(parameters: QueryParameter[]): ParamDraft {
  return Object.fromEntries(parameters.map((p) => [p.name, p.default ?? p.options?.[0] ?? '']));
}

/**
 * Turns the form's text into typed values for `queries.run` (numbers as numbers), with a message
 * per parameter that is missing or malformed. Every parameter is required: the SQL binds them all.
 */
export function toParamValues(
  parameters: QueryParameter[],
  draft: ParamDraft,
): { values: ParamValues; errors: Record<string, string> } {
  const values: ParamValues = {};
  const errors: Record<string, string> = {};
  for (const p of parameters) {
    const raw = (draft[p.name] ?? '').trim();
    if (raw === '') {
      errors[p.name] = `Enter ${p.label.toLowerCase()}.`;
      continue;
    }
    if (p.type === 'number') {
      const number = Number(raw);
      if (!Number.isFinite(number)) errors[p.name] = `${p.label} must be a number.`;
      else values[p.name] = number;
      continue;
    }
    const pattern = PATTERNS[p.type];
    if (pattern && !pattern.re.test(raw)) {
      errors[p.name] = `${p.label} must look like ${pattern.example}.`;
      continue;
    }
    if (p.type === 'choice' && p.options && !p.options.includes(raw)) {
      errors[p.name] = `${p.label} must be one of ${p.options.join(', ')}.`;
      continue;
    }
    values[p.name] = raw;
  }
  return { values, errors };
}
