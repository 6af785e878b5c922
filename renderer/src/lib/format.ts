/** Display formats, fixed to en-US so finance staff see the same figures on every machine. */
const LOCALE = 'en-US';

const usd = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD' });
const usdCompact = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 4 });

export function formatUsd(value: number): string {
  return usd.format(value);
}

/** Short money for axes and tight spaces: $1.2M. */
export function formatUsdCompact(value: number): string {
  return usdCompact.format(value);
}

export function formatPercent(value: number, digits = 1): string {
  return `${value.toFixed(digits)} %`;
}

export function formatCount(value: number): string {
  return integer.format(value);
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}

export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "3 min ago", for times within the last days; falls back to a date. */
export function formatRelative(iso: string | undefined | null, now = Date.now()): string {
  if (!iso) return '—';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return formatDateTime(iso);
}

/** Progress as a sentence: "1,204 of 5,000 rows" or "1,204 rows". */
export function formatProgress(progress: {
  done: number;
  total?: number;
  unit?: string;
  message?: string;
}): string {
  if (progress.message) return progress.message;
  const unit = progress.unit ? ` ${progress.unit}` : '';
  if (progress.total === undefined)
    return progress.done > 0 ? `${formatCount(progress.done)}${unit}` : 'Working…';
  return `${formatCount(progress.done)} of ${formatCount(progress.total)}${unit}`;
}
