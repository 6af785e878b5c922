/** A native file dialog's request: title, allowed extensions, a proposed name for saving. */
export interface FileDialogRequest {
  title: string;
  extensions: string[];
  defaultName?: string;
}

/**
 * What only the desktop front door can do for the core: native file dialogs. Electron main sets it
 * on the services; browser mode and the CLI leave it unset, and the calls say so.
 */
export interface DesktopDialogs {
  chooseSavePath(request: FileDialogRequest): Promise<string | null>;
  chooseOpenPath(request: FileDialogRequest): Promise<string | null>;
}
