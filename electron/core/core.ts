import { AccountsService, type AccountsOptions } from './accounts/accounts-service';
import { CrawlerWatch } from './catalog/crawler-watch';
import { StepWatch } from './clusters/step-watch';
import { LakeEngines } from './engine/lake-engines';
import { EventBus } from './event-bus';
import { handlers } from './handlers';
import { JobRegistry } from './jobs';
import { DEFAULT_POLL, type PollPolicy } from './poll-backoff';
import { BundleService } from './reports/bundle/bundle-service';
import { createRouter, type Router } from './router';
import type { Services } from './services';
import { SettingsStore } from './settings-store';
import { glueCrawlerLookup } from './transfers/crawler-hook';
import { TransferService, type TransferServiceOptions } from './transfers/transfer-service';
import { WorkspacesService } from './workspaces/workspaces-service';

export interface CoreOptions {
  home: string;
  version: string;
  /** Where AWS settings come from (AWS_CONFIG_FILE, AWS_PROFILE, HOME…); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Tuning of the accounts area (tests shorten backoff and polling). */
  accounts?: Pick<AccountsOptions, 'retry' | 'refreshWindowMs' | 'slowDownStepMs' | 'pageSize'>;
  /** How often running crawls and EMR steps are polled (tests poll every few ms). */
  poll?: PollPolicy;
  /** The transfer queue: its journal folder, resuming on start, retries (tests shorten them). */
  transfers?: TransferServiceOptions;
}

export interface Core {
  router: Router;
  services: Services;
  close(): Promise<void>;
}

/** Builds the services and the router: the one core behind every front door. */
export function createCore(options: CoreOptions): Core {
  const events = new EventBus();
  const settings = new SettingsStore(options.home);
  const workspaces = new WorkspacesService(settings, events);
  const services: Services = {
    home: options.home,
    version: options.version,
    events,
    jobs: new JobRegistry(events),
    settings,
    workspaces,
    engines: new LakeEngines(),
    watches: {
      crawlers: new CrawlerWatch(events, options.poll ?? DEFAULT_POLL),
      steps: new StepWatch(events, options.poll ?? DEFAULT_POLL),
    },
    bundles: new BundleService(options.home),
    transfers: new TransferService(options.home, () => services, options.transfers),
    accounts: new AccountsService({
      ...options.accounts,
      appHome: options.home,
      env: options.env ?? process.env,
      events,
      workspaces,
    }),
  };
  services.transfers.useCrawlerLookup(glueCrawlerLookup(services));
  return {
    router: createRouter(handlers, services),
    services,
    async close() {
      // Watches before jobs: a wait cancelled by quitting then leaves its crawl or EMR step running.
      services.watches.crawlers.close();
      services.watches.steps.close();
      services.jobs.cancelAll();
      // Transfers first: they stop their parts and journal where they are, to resume next time.
      await services.transfers.close();
      services.accounts.close();
      await services.engines.closeAll();
      await services.bundles.close();
    },
  };
}
