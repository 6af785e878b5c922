import { contract } from '@shared/contract';
import type { Job } from '@shared/jobs.schema';
import { formatCount } from '../lib/format';

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/** One line on what a finished job did, read from its result; undefined when there is nothing to add. */
export function jobSummary(job: Job): string | undefined {
  switch (job.method) {
    case 'storage.importFiles': {
      const parsed = contract['storage.importFiles'].job.safeParse(job.result);
      if (!parsed.success) return undefined;
      const counts = new Map<string, number>();
      for (const file of parsed.data.files) counts.set(file.status, (counts.get(file.status) ?? 0) + 1);
      return [...counts].map(([status, n]) => `${formatCount(n)} ${status}`).join(', ');
    }
    case 'catalog.crawl': {
      const parsed = contract['catalog.crawl'].job.safeParse(job.result);
      if (!parsed.success) return undefined;
      const r = parsed.data;
      const changes = [
        r.tablesCreated.length && `${r.tablesCreated.length} new`,
        r.tablesUpdated.length && `${r.tablesUpdated.length} updated`,
        r.tablesDeleted.length && `${r.tablesDeleted.length} removed`,
        r.problems.length && plural(r.problems.length, 'problem'),
      ].filter(Boolean);
      return `${plural(r.tables, 'table')}${changes.length ? ` (${changes.join(', ')})` : ''}`;
    }
    case 'clusters.runJob': {
      const parsed = contract['clusters.runJob'].job.safeParse(job.result);
      if (!parsed.success) return undefined;
      return Object.entries(parsed.data.counts)
        .map(([key, n]) => `${key.replace(/_/g, ' ')} ${formatCount(n)}`)
        .join(' · ');
    }
    case 'reports.grossProfit': {
      const parsed = contract['reports.grossProfit'].job.safeParse(job.result);
      return parsed.success ? plural(parsed.data.rows.length, 'company-item') : undefined;
    }
    case 'catalog.waitForCrawl': {
      const parsed = contract['catalog.waitForCrawl'].job.safeParse(job.result);
      return parsed.success ? `${plural(parsed.data.changes.length, 'table')} changed` : undefined;
    }
    case 'clusters.waitForStep': {
      const parsed = contract['clusters.waitForStep'].job.safeParse(job.result);
      if (!parsed.success) return undefined;
      const { step, output } = parsed.data;
      return `${step.state.toLowerCase()}${output ? ` · ${plural(output.files.length, 'output file')}` : ''}`;
    }
    default:
      return undefined;
  }
}
