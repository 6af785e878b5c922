import { LakeEngines } from './engine/lake-engines';
import { EventBus } from './event-bus';
import { handlers } from './handlers';
import { JobRegistry } from './jobs';
import { createRouter, type Router } from './router';
import type { Services } from './services';
import { SettingsStore } from './settings-store';
import { WorkspacesService } from './workspaces/workspaces-service';

export interface CoreOptions {
  home: string;
  version: string;
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
  const services: Services = {
    home: options.home,
    version: options.version,
    events,
    jobs: new JobRegistry(events),
    settings,
    workspaces: new WorkspacesService(settings, events),
    engines: new LakeEngines(),
  };
  return {
    router: createRouter(handlers, services),
    services,
    async close() {
      services.jobs.cancelAll();
      await services.engines.closeAll();
    },
  };
}
