import type { Command } from 'commander';
import type { CrawlResult } from '@shared/catalog.schema';
import { EXIT_OK, EXIT_PROBLEM } from '../exit-codes';
import { printJson } from '../output';
import { runWithSession } from '../run-command';

interface CrawlOptions {
  lake?: string;
  json?: boolean;
  strict?: boolean;
}

function printCrawl(result: CrawlResult): void {
  const list = (names: string[]) => (names.length ? names.join(', ') : 'none');
  process.stdout.write(
    `${result.tables} table${result.tables === 1 ? '' : 's'} in ${result.durationMs} ms.\n` +
      `  created: ${list(result.tablesCreated)}\n  updated: ${list(result.tablesUpdated)}\n  deleted: ${list(result.tablesDeleted)}\n`,
  );
  for (const problem of result.problems)
    process.stderr.write(`warning: ${problem.location}: ${problem.message}\n`);
}

/** `lakedesk crawl`: exit 0 when the crawl ran (problems are warnings unless --strict), 2 on usage errors. */
export function registerCrawlCommand(program: Command): void {
  program
    .command('crawl')
    .description("Find the lake's tables (folders of CSV or Parquet files) and save its catalog.")
    .option('--lake <dir>', 'the local lake folder (default: the active workspace)')
    .option('--json', 'print the crawl result as one JSON document')
    .option('--strict', 'exit 1 when a folder could not become a table')
    .action((options: CrawlOptions) =>
      runWithSession(options, async (session) => {
        const result = await session.runJob('catalog.crawl', {}, { label: 'Crawling' });
        if (options.json) printJson(result);
        else printCrawl(result);
        return options.strict && result.problems.length > 0 ? EXIT_PROBLEM : EXIT_OK;
      }),
    );
}
