import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Workspace } from '@shared/workspaces.schema';
import { writeFileAtomic } from './atomic-file';

const WindowBounds = z.object({
  x: z.number().optional(),
  y: z.number().optional(),
  width: z.number(),
  height: z.number(),
  maximized: z.boolean().optional(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

const Settings = z.object({
  workspaces: z.array(Workspace).default([]),
  activeId: z.string().nullable().default(null),
  window: WindowBounds.optional(),
});
export type Settings = z.infer<typeof Settings>;

/**
 * The app's own settings (`<home>/settings.json`): known workspaces, the active one, window bounds.
 * Written atomically; a file that cannot be read is set aside, not overwritten, so nothing is lost.
 */
export class SettingsStore {
  private current: Settings | undefined;
  readonly path: string;

  constructor(readonly home: string) {
    this.path = join(home, 'settings.json');
  }

  async load(): Promise<Settings> {
    if (this.current) return this.current;
    let text: string | undefined;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === undefined) {
      this.current = Settings.parse({});
      return this.current;
    }
    const parsed = Settings.safeParse(safeJson(text));
    if (parsed.success) {
      this.current = parsed.data;
    } else {
      const aside = `${this.path}.unreadable-${Date.now()}`;
      await rename(this.path, aside);
      process.emitWarning(`Lakedesk settings could not be read; kept them as ${aside} and started fresh.`);
      this.current = Settings.parse({});
    }
    return this.current;
  }

  async update(change: (settings: Settings) => Settings): Promise<Settings> {
    const next = Settings.parse(change(await this.load()));
    await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
    this.current = next;
    return next;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
