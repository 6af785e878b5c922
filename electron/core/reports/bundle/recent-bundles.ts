import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { BundleManifest } from '@shared/bundle-manifest.schema';
import type { RecentBundle } from '@shared/bundles.schema';
import { writeFileAtomic } from '../../atomic-file';

const Stored = z.object({
  items: z.array(
    z.object({
      path: z.string(),
      title: z.string(),
      kind: z.string(),
      createdAt: z.string(),
      openedAt: z.string(),
    }),
  ),
});
type Stored = z.infer<typeof Stored>;

const MAX_RECENT = 20;

/** The reports exported or opened lately (`<home>/recent-reports.json`), newest first. */
export class RecentBundles {
  private readonly path: string;
  /** Updates run one after another, so two at once never lose one of them. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(home: string) {
    this.path = join(home, 'recent-reports.json');
  }

  /** The list, each with whether its file is still there. */
  async list(): Promise<RecentBundle[]> {
    const { items } = await this.load();
    return Promise.all(
      items.map(async (item) => ({
        ...item,
        fileName: basename(item.path),
        exists: await stat(item.path).then(
          (s) => s.isFile(),
          () => false,
        ),
      })),
    );
  }

  /** Puts a report at the top of the list. */
  remember(path: string, manifest: Pick<BundleManifest, 'title' | 'kind' | 'createdAt'>): Promise<void> {
    return this.update((items) => [
      {
        path,
        title: manifest.title,
        kind: manifest.kind,
        createdAt: manifest.createdAt,
        openedAt: new Date().toISOString(),
      },
      ...items.filter((i) => i.path !== path),
    ]);
  }

  forget(path: string): Promise<void> {
    return this.update((items) => items.filter((i) => i.path !== path));
  }

  private update(change: (items: Stored['items']) => Stored['items']): Promise<void> {
    const next = this.queue.then(async () => {
      const items = change((await this.load()).items).slice(0, MAX_RECENT);
      await writeFileAtomic(this.path, `${JSON.stringify({ items }, null, 2)}\n`);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<Stored> {
    const text = await readFile(this.path, 'utf8').catch(() => undefined);
    if (text === undefined) return { items: [] };
    try {
      const parsed = Stored.safeParse(JSON.parse(text));
      // A list that cannot be read is only a convenience lost: start a new one.
      return parsed.success ? parsed.data : { items: [] };
    } catch {
      return { items: [] };
    }
  }
}
