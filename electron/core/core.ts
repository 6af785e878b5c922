import { AccountsService, type AccountsOptions } from './accounts/accounts-service';
import { LakeEngines } from './engine/lake-engines';
import { EventBus } from './event-bus';
import { handlers } from './handlers';
import { JobRegistry } from './jobs';
import { BundleService } from './reports/bundle/bundle-service';
import { createRouter, type Router } from './router';
import type { Services } from './services';
import { SettingsStore } from './settings-store';
import { WorkspacesService } from './workspaces/workspaces-service';

export interface CoreOptions {
  home: string;
  version: string;
  /** Where AWS settings come from (AWS_CONFIG_FILE, AWS_PROFILE, HOME…); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Tuning of the accounts area (tests shorten backoff and polling). */
  accounts?: Pick<AccountsOptions, 'retry' | 'refreshWindowMs' | 'slowDownStepMs' | 'pageSize'>;
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
    bundles: new BundleService(options.home),
    accounts: new AccountsService({
      ...options.accounts,
      appHome: options.home,
      env: options.env ?? process.env,
      events,
      workspaces,
    }),
  };
  return {
    router: createRouter(handlers, services),
    services,
    async close() {
      services.jobs.cancelAll();
      services.accounts.close();
      await services.engines.closeAll();
      await services.bundles.close();
    },
  };
}
