import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-file';
import type { TransferRecord } from './transfer-record';

const LOCK = 'queue.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The transfers journal: one JSON file per transfer in the app home, each written whole or not at
 * all (temp file + rename). Saves of one transfer are queued and coalesced, so a burst of finished
 * parts writes the latest state once instead of racing older states onto disk.
 */
export class TransferJournal {
  private readonly pending = new Map<
    string,
    { record: TransferRecord; running: Promise<void>; isDirty: boolean }
  >();
  private hasLock = false;

  constructor(readonly dir: string) {}

  private fileOf(id: string): string {
    return join(this.dir, `${id.replace(/[^A-Za-z0-9-]/g, '')}.json`);
  }

  /** Saves a transfer's current state (a copy is taken now). */
  save(record: TransferRecord): Promise<void> {
    const copy = structuredClone(record);
    const entry = this.pending.get(record.id);
    if (entry) {
      entry.record = copy;
      entry.isDirty = true;
      return entry.running;
    }
    const next = { record: copy, isDirty: true, running: Promise.resolve() };
    next.running = (async () => {
      try {
        while (next.isDirty) {
          next.isDirty = false;
          await writeFileAtomic(this.fileOf(next.record.id), JSON.stringify(next.record));
        }
      } finally {
        this.pending.delete(record.id);
      }
    })();
    this.pending.set(record.id, next);
    return next.running;
  }

  /** Forgets a transfer (it finished): waits for its pending save so the file does not come back. */
  async remove(id: string): Promise<void> {
    await this.pending.get(id)?.running.catch(() => undefined);
    await rm(this.fileOf(id), { force: true });
  }

  /** Every journaled transfer; a file that does not parse is set aside as `.bad`, not fatal. */
  async loadAll(): Promise<TransferRecord[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const records: TransferRecord[] = [];
    for (const name of names.filter((n) => n.endsWith('.json') && n !== 'options.json')) {
      const text = await readFile(join(this.dir, name), 'utf8').catch(() => undefined);
      try {
        const record = JSON.parse(text ?? '') as TransferRecord;
        if (record.id && record.bucket && record.source) records.push(record);
      } catch {
        await writeFile(join(this.dir, `${name}.bad`), text ?? '').catch(() => undefined);
        await rm(join(this.dir, name), { force: true });
      }
    }
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Waits for every pending save. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending.values()].map((e) => e.running.catch(() => undefined)));
  }

  /**
   * Claims the journal for this process. Another live process holding it (the desktop app while
   * `lakedesk serve` runs on the same home) keeps it, so two processes never resume one upload.
   */
  async lock(): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, LOCK);
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (holder && holder !== process.pid && isAlive(holder)) return false;
    await writeFileAtomic(path, String(process.pid));
    this.hasLock = true;
    return true;
  }

  async unlock(): Promise<void> {
    if (this.hasLock) await rm(join(this.dir, LOCK), { force: true });
    this.hasLock = false;
  }

  async readJson<T>(name: string): Promise<T | undefined> {
    const text = await readFile(join(this.dir, name), 'utf8').catch(() => undefined);
    try {
      return text === undefined ? undefined : (JSON.parse(text) as T);
    } catch {
      return undefined;
    }
  }

  writeJson(name: string, value: unknown): Promise<void> {
    return writeFileAtomic(join(this.dir, name), JSON.stringify(value, null, 2));
  }
}
