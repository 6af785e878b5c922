import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { LakeBridge } from '../../shared/lake-api';

const INVOKE_CHANNEL = 'lake:invoke';
const EVENT_CHANNEL = 'lake:event';

interface EventMessage {
  topic: string;
  payload: unknown;
}

/**
 * `window.lake`: the renderer's only door to the core. Fixed channels, and the IPC event is never
 * passed on (it carries `sender`, which would hand the page ipcRenderer itself).
 */
const lake: LakeBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  on: (topic, listener) => {
    const onMessage = (_event: IpcRendererEvent, message: EventMessage) => {
      if (message.topic === topic) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, onMessage);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onMessage);
    };
  },
  // A dropped file's path on disk (sandboxed pages no longer see File.path); '' for non-disk files.
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('lake', lake);
