import { appHandlers } from './app/app-handlers';
import type { Handlers } from './handler-types';
import { storageFileHandlers } from './storage/storage-handlers';
import { workspacesHandlers } from './workspaces/workspaces-handlers';

/** Every contract method's handler. A method without one fails to compile here. */
export const handlers: Handlers = {
  ...appHandlers,
  ...workspacesHandlers,
  ...storageFileHandlers,
};
