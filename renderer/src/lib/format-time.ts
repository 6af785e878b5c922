import { formatDuration } from './format';

/** A span in seconds as people read it: "42 s", "3 min 05 s", "1 h 02 min". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** How long from `start` to `end` (or to `now` while it runs); undefined without a start. */
export function spanMs(
  start: string | undefined,
  end: string | undefined,
  now = Date.now(),
): number | undefined {
  if (!start) return undefined;
  const from = Date.parse(start);
  const to = end ? Date.parse(end) : now;
  return Number.isNaN(from) || Number.isNaN(to) ? undefined : Math.max(0, to - from);
}

/** `spanMs` as text ("1.52 s", "3 min 05 s", "1 h 52 min"), "—" when there is nothing to measure. */
export function formatSpan(start: string | undefined, end: string | undefined, now = Date.now()): string {
  const ms = spanMs(start, end, now);
  if (ms === undefined) return '—';
  return ms < 60_000 ? formatDuration(ms) : formatSeconds(ms / 1000);
}
