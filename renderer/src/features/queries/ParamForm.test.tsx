import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { QueryParameter } from '@shared/queries.schema';
import { ParamForm } from './ParamForm';
import { initialDraft, toParamValues, type ParamDraft } from './param-values';

const PARAMS: QueryParameter[] = [
  { name: 'month', label: 'Month', type: 'month', default: '2025-02', description: 'Calendar month' },
  { name: 'from', label: 'From date', type: 'date' },
  { name: 'limit', label: 'Limit', type: 'number', default: '10' },
  { name: 'status', label: 'Status', type: 'choice', options: ['Delivered', 'Pending'] },
  { name: 'customer', label: 'Customer', type: 'text', default: 'C-1' },
];

/** The form as the Queries view uses it: draft state here, values checked on submit. */
function Harness({ onRun }: { onRun: (values: unknown) => void }) {
  const [draft, setDraft] = useState<ParamDraft>(() => initialDraft(PARAMS));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const checked = toParamValues(PARAMS, draft);
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length === 0) onRun(checked.values);
  };
  return (
    <ParamForm parameters={PARAMS} draft={draft} errors={errors} onChange={setDraft} onSubmit={submit} />
  );
}

afterEach(cleanup);

describe('ParamForm', () => {
  it('renders one typed input per parameter, filled with defaults', () => {
    render(<Harness onRun={() => undefined} />);
    expect(screen.getByLabelText('Month')).toHaveProperty('type', 'month');
    expect(screen.getByLabelText('Month')).toHaveProperty('value', '2025-02');
    expect(screen.getByLabelText('From date')).toHaveProperty('type', 'date');
    expect(screen.getByLabelText('Limit')).toHaveProperty('type', 'number');
    expect(screen.getByLabelText('Status').tagName).toBe('SELECT');
    expect(screen.getByLabelText('Status')).toHaveProperty('value', 'Delivered');
    expect(screen.getByLabelText('Customer')).toHaveProperty('type', 'text');
    expect(screen.getByText('Calendar month')).toBeTruthy();
  });

  it('shows what is missing and does not run', () => {
    const onRun = vi.fn();
    render(<Harness onRun={onRun} />);
    fireEvent.submit(screen.getByTestId('param-form'));
    expect(onRun).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Enter from date.');
    expect(screen.getByLabelText('From date').getAttribute('aria-invalid')).toBe('true');
  });

  it('runs with typed values once the form is complete', () => {
    const onRun = vi.fn();
    render(<Harness onRun={onRun} />);
    fireEvent.change(screen.getByLabelText('From date'), { target: { value: '2025-03-01' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'Pending' } });
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2025-04' } });
    fireEvent.submit(screen.getByTestId('param-form'));
    expect(onRun).toHaveBeenCalledWith({
      month: '2025-04',
      from: '2025-03-01',
      limit: 10,
      status: 'Pending',
      customer: 'C-1',
    });
  });

  it('renders nothing for a query without parameters', () => {
    const { container } = render(
      <ParamForm
        parameters={[]}
        draft={{}}
        errors={{}}
        onChange={() => undefined}
        onSubmit={() => undefined}
      />,
    );
    expect(container.innerHTML).toBe('');
  });
});

describe('toParamValues', () => {
  it('rejects malformed months, dates, numbers and choices', () => {
    const { errors } = toParamValues(PARAMS, {
      month: '2025-13',
      from: '03/01/2025',
      limit: 'ten',
      status: 'Lost',
      customer: 'x',
    });
    expect(Object.keys(errors).sort()).toEqual(['from', 'limit', 'month', 'status']);
  });
});
