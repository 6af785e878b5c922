import { useRef, type KeyboardEvent } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: string;
  badge?: string | number;
  disabled?: boolean;
}

/** WAI-ARIA tabs with arrow-key movement; the caller renders the panel for `value`. */
export function Tabs<K extends string>({
  items,
  value,
  onChange,
  label,
  testId,
}: {
  items: TabItem<K>[];
  value: K;
  onChange: (key: K) => void;
  label: string;
  testId?: string;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const enabled = items.filter((item) => !item.disabled);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = enabled.findIndex((item) => item.key === value);
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = enabled[(index + step + enabled.length) % enabled.length];
    if (!next) return;
    onChange(next.key);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-key="${next.key}"]`)?.focus();
  };

  return (
    <div
      className="tabs"
      role="tablist"
      aria-label={label}
      ref={listRef}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="tab"
          data-key={item.key}
          data-testid={`tab-${item.key}`}
          aria-selected={item.key === value}
          tabIndex={item.key === value ? 0 : -1}
          disabled={item.disabled}
          className="tab"
          onClick={() => onChange(item.key)}
        >
          {item.label}
          {item.badge !== undefined && <span className="tab-badge">{item.badge}</span>}
        </button>
      ))}
    </div>
  );
}
