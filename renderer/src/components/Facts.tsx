import type { ReactNode } from 'react';

/** Label–value pairs of a detail panel (a table's location, a cluster's release…). */
export function Facts({
  children,
  columns = 2,
  testId,
}: {
  children: ReactNode;
  columns?: 1 | 2;
  testId?: string;
}) {
  return (
    <dl className={columns === 1 ? 'kv-list one-col' : 'kv-list'} data-testid={testId}>
      {children}
    </dl>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
