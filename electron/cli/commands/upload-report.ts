import type { TransferItem } from '@shared/transfers.schema';

/** Sizes as people read them: 1.5 MB, 980 kB, 12 B. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The first findings of a held file, as a small indented table. */
function findingLines(item: TransferItem, max = 10): string[] {
  const lines = item.findings
    .slice(0, max)
    .map(
      (f) =>
        `      line ${f.line}  ${f.column || '(file)'}  ${f.rule}  ${JSON.stringify(f.value)}  ${f.message}`,
    );
  if (item.findingCount > lines.length) lines.push(`      … ${item.findingCount - lines.length} more`);
  return lines;
}

/** One line (and details) per file of an upload, for a person. */
export function describeTransfers(items: readonly TransferItem[]): string {
  const out: string[] = [];
  for (const item of items) {
    const dataset = item.dataset ? `, ${item.dataset}` : '';
    switch (item.state) {
      case 'done':
        out.push(
          `uploaded  ${item.uri}  (${formatBytes(item.size)}${dataset}${item.quarantined ? ', quarantined' : ''})`,
        );
        if (item.crawlers?.length)
          out.push(`          covered by Glue crawler(s): ${item.crawlers.map((c) => c.name).join(', ')}`);
        break;
      case 'held':
        out.push(
          `held      ${item.source}: ${item.findingCount} finding(s) in ${item.dataset} data; not uploaded`,
        );
        out.push(...findingLines(item));
        break;
      case 'skipped':
      case 'conflict':
        out.push(`skipped   ${item.source}: ${item.note ?? 'skipped'}`);
        break;
      default:
        out.push(`${item.state.padEnd(9)} ${item.source}: ${item.error?.message ?? item.note ?? ''}`);
        if (item.error?.hint) out.push(`          hint: ${item.error.hint}`);
    }
  }
  return `${out.join('\n')}\n`;
}
