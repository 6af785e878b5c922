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

export const appContract = {
  /** Name, version, platform and which front door the caller came through. */
  'app.info': { input: z.object({}), output: AppInfo },
} as const;
