import type { Command } from 'commander';
import type { CrawlOutcome } from '@shared/glue.schema';
import { duration, runWithAwsProfile, table, type AwsCommandOptions } from '../aws-profile-session';
import { printJson } from '../output';

interface StartOptions extends AwsCommandOptions {
  wait?: boolean;
}

function describeOutcome(o: CrawlOutcome): string {
  const names = (change: string) => o.changes.filter((c) => c.change === change).map((c) => c.name);
  const list = (xs: string[]) => (xs.length ? ` (${xs.join(', ')})` : '');
  const created = names('created');
  const updated = names('updated');
  const lines = [
    `Crawler ${o.crawler.name} ${o.status} in ${duration(o.durationMs)}: ` +
      `${created.length} table(s) created${list(created)}, ${updated.length} updated${list(updated)}, ${o.tablesDeleted} deleted.`,
  ];
  if (o.savedQueries.length)
    lines.push(`Saved queries reading them: ${o.savedQueries.map((q) => q.id).join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

/** `lakedesk crawler list|start|stop`: Glue crawlers of an SSO profile's account. Exit 1 when a crawl fails. */
export function registerCrawlerCommand(program: Command): void {
  const crawler = program
    .command('crawler')
    .description('Glue crawlers in AWS (sign in first: lakedesk sso login).');
  crawler
    .command('list')
    .description('List the crawlers with their state and last crawl.')
    .option('-p, --profile <name>', 'an SSO profile in ~/.aws/config (default: AWS_PROFILE, else default)')
    .option('--json', 'print {crawlers: [...]} as JSON')
    .action((options: AwsCommandOptions) =>
      runWithAwsProfile(options, async (session, workspaceId) => {
        const result = await session.call('catalog.listCrawlers', { workspaceId });
        if (options.json) return printJson(result);
        const rows = result.crawlers.map((c) => [
          c.name,
          c.state,
          c.lastCrawl ? `${c.lastCrawl.status} ${c.lastCrawl.startedAt}` : 'never ran',
          c.database,
          c.targets.map((t) => t.path).join(','),
        ]);
        process.stdout.write(table(['NAME', 'STATE', 'LAST CRAWL', 'DATABASE', 'TARGETS'], rows));
      }),
    );
  crawler
    .command('start <name>')
    .description('Start a crawler; with --wait, watch it to the end (exit 1 if the crawl fails).')
    .option('-p, --profile <name>', 'an SSO profile in ~/.aws/config (default: AWS_PROFILE, else default)')
    .option('--wait', 'wait for the crawl to end, with progress on a terminal; Ctrl+C stops the crawler')
    .option('--json', 'print the crawler (or with --wait the crawl outcome) as JSON')
    .action((name: string, options: StartOptions) =>
      runWithAwsProfile(options, async (session, workspaceId) => {
        if (!options.wait) {
          const started = await session.call('catalog.startCrawler', { workspaceId, name });
          if (options.json) return printJson(started);
          process.stdout.write(`Started crawler ${name} (${started.state}).\n`);
          return;
        }
        const outcome = await session.runJob(
          'catalog.waitForCrawl',
          { workspaceId, name, start: true },
          { label: `Crawler ${name}` },
        );
        if (options.json) printJson(outcome);
        else process.stdout.write(describeOutcome(outcome));
      }),
    );
  crawler
    .command('stop <name>')
    .description('Stop a running crawler.')
    .option('-p, --profile <name>', 'an SSO profile in ~/.aws/config (default: AWS_PROFILE, else default)')
    .action((name: string, options: AwsCommandOptions) =>
      runWithAwsProfile(options, async (session, workspaceId) => {
        const stopped = await session.call('catalog.stopCrawler', { workspaceId, name });
        process.stdout.write(`Crawler ${name} is ${stopped.state}.\n`);
      }),
    );
}
