import { accountsHandlers } from './accounts/accounts-handlers';
import { appHandlers } from './app/app-handlers';
import type { Handlers } from './handler-types';
import { catalogHandlers } from './catalog/catalog-handlers';
import { clustersHandlers } from './clusters/clusters-handlers';
import { queriesHandlers } from './queries/queries-handlers';
import { reportsHandlers } from './reports/reports-handlers';
import { bundleExportHandlers } from './reports/bundle/bundle-export-handlers';
import { bundlesHandlers } from './reports/bundle/bundles-handlers';
import { previewHandlers } from './storage/preview-handlers';
import { storageFileHandlers } from './storage/storage-handlers';
import { storageObjectHandlers } from './storage/storage-object-handlers';
import { transfersHandlers } from './transfers/transfers-handlers';
import { workspacesHandlers } from './workspaces/workspaces-handlers';

/** Every contract method's handler. A method without one fails to compile here. */
export const handlers: Handlers = {
  ...appHandlers,
  ...workspacesHandlers,
  ...storageFileHandlers,
  ...catalogHandlers,
  ...queriesHandlers,
  ...reportsHandlers,
  ...bundlesHandlers,
  ...bundleExportHandlers,
  ...clustersHandlers,
  ...previewHandlers,
  ...storageObjectHandlers,
  ...transfersHandlers,
  ...accountsHandlers,
};
