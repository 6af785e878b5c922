import type { FormEvent } from 'react';
import type { QueryParameter } from '@shared/queries.schema';
import type { ParamDraft } from './param-values';

/**
 * A saved query's parameters as typed inputs: month → month picker, date → date picker, number,
 * choice → select, text. Enter submits (runs the query).
 */
export function ParamForm({
  parameters,
  draft,
  errors,
  onChange,
  onSubmit,
  disabled,
}: {
  parameters: QueryParameter[];
  draft: ParamDraft;
  errors: Record<string, string>;
  onChange: (draft: ParamDraft) => void;
  onSubmit: () => void;
  disabled?: boolean;
}) {
  if (parameters.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="param-form" onSubmit={submit} data-testid="param-form" aria-label="Query parameters">
      {parameters.map((p) => {
        const id = `param-${p.name}`;
        const error = errors[p.name];
        const common = {
          id,
          name: p.name,
          value: draft[p.name] ?? '',
          disabled,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-error` : p.description ? `${id}-help` : undefined,
          'data-testid': id,
          onChange: (e: { target: { value: string } }) => onChange({ ...draft, [p.name]: e.target.value }),
        };
        return (
          <div className="param-field" key={p.name}>
            <label className="field-label" htmlFor={id}>
              {p.label}
            </label>
            {p.type === 'choice' ? (
              <select className="select" {...common}>
                {(p.options ?? []).map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input
                className="input"
                type={
                  p.type === 'month'
                    ? 'month'
                    : p.type === 'date'
                      ? 'date'
                      : p.type === 'number'
                        ? 'number'
                        : 'text'
                }
                step={p.type === 'number' ? 'any' : undefined}
                placeholder={p.type === 'month' ? 'YYYY-MM' : undefined}
                {...common}
              />
            )}
            {error ? (
              <div className="param-error" id={`${id}-error`} role="alert">
                {error}
              </div>
            ) : (
              p.description && (
                <div className="param-help" id={`${id}-help`}>
                  {p.description}
                </div>
              )
            )}
          </div>
        );
      })}
      {/* Lets Enter in a field submit the form; the toolbar's Run button is the visible one. */}
      <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
    </form>
  );
}
