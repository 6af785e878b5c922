import { z } from 'zod';

export const FrontDoor = z.enum(['electron', 'browser', 'cli']);
export type FrontDoor = z.infer<typeof FrontDoor>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  frontDoor: FrontDoor,
});
export type AppInfo = z.infer<typeof AppInfo>;

const FileDialogInput = z.object({
  title: z.string().max(200),
  /** Extensions without the dot, e.g. `['lakereport']`. */
  extensions: z.array(z.string().regex(/^[a-z0-9]+$/)).min(1),
  /** For a save dialog: the proposed file name. */
  defaultName: z.string().max(255).optional(),
});

export const appContract = {
  /** Name, version, platform and which front door the caller came through. */
  'app.info': { input: z.object({}), output: AppInfo },
  /**
   * The desktop app's native save dialog; null when the person cancelled. Only the Electron front
   * door has one: browser mode downloads exports through `/download/<name>` instead.
   */
  'app.chooseSavePath': { input: FileDialogInput, output: z.object({ path: z.string().nullable() }) },
  /** The desktop app's native open dialog; null when cancelled. */
  'app.chooseOpenPath': { input: FileDialogInput, output: z.object({ path: z.string().nullable() }) },
} as const;

export const appEvents = {
  /** The desktop menu asked to show an area (View › Lake, Ctrl+2, …). */
  'app.showArea': z.object({ area: z.string() }),
  /** A report bundle should be opened: File › Open Report…, a double-click on a file, a drop. */
  'app.openReport': z.object({ path: z.string() }),
} as const;
