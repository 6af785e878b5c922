/** One headline figure: a label, the value, and an optional line of context. */
export function KpiCard({
  label,
  value,
  detail,
  tone,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  tone?: 'positive' | 'negative';
  testId?: string;
}) {
  return (
    <div className="kpi-card" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div
        className={tone ? `kpi-value ${tone}` : 'kpi-value'}
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
      </div>
      {detail && <div className="kpi-detail">{detail}</div>}
    </div>
  );
}
