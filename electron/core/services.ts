import type { AccountsService } from './accounts/accounts-service';
import type { CrawlerWatch } from './catalog/crawler-watch';
import type { StepWatch } from './clusters/step-watch';
import type { LakeEngines } from './engine/lake-engines';
import type { BundleService } from './reports/bundle/bundle-service';
import type { DesktopDialogs } from './desktop-dialogs';
import type { EventBus } from './event-bus';
import type { JobRegistry } from './jobs';
import type { SettingsStore } from './settings-store';
import type { TransferService } from './transfers/transfer-service';
import type { WorkspacesService } from './workspaces/workspaces-service';

/** The services every handler can reach. Built once per process by `createCore`. */
export interface Services {
  /** The app's own folder: settings, caches, the sample lake. */
  home: string;
  version: string;
  /** Native file dialogs, set by the Electron front door only. */
  desktop?: DesktopDialogs;
  events: EventBus;
  jobs: JobRegistry;
  settings: SettingsStore;
  workspaces: WorkspacesService;
  /** One DuckDB engine and catalog per local lake folder. */
  engines: LakeEngines;
  /** Report bundles: the open ones (each with its own DuckDB) and the recent-reports list. */
  bundles: BundleService;
  /** The upload queue to S3: preflight, resumable multipart transfers, its journal. */
  transfers: TransferService;
  /** SSO organisations, sign-in, accounts and roles, AWS workspaces and their credentials. */
  accounts: AccountsService;
  /** Running Glue crawls and EMR steps being polled, with events for the UI. */
  watches: { crawlers: CrawlerWatch; steps: StepWatch };
}
