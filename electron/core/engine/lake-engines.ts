import { resolve } from 'node:path';
import { LakeError } from '@shared/errors';
import { LakeCatalog } from '../catalog/lake-catalog';
import { DuckDbQueryEngine } from './duckdb-query-engine';

/** A local lake as the services use it: its folder, its DuckDB engine and its catalog. */
export interface LocalLake {
  root: string;
  engine: DuckDbQueryEngine;
  catalog: LakeCatalog;
}

/**
 * One DuckDB engine per local lake folder, opened on first use and closed with the core. A lake's
 * engine lives as long as the process, so switching workspaces back and forth keeps its results.
 */
export class LakeEngines {
  private readonly lakes = new Map<string, Promise<LocalLake>>();
  private isClosed = false;

  /** The lake at `path`, without crawling it (previews, or a crawl that is about to run). */
  open(path: string): Promise<LocalLake> {
    if (this.isClosed) return Promise.reject(new LakeError('INTERNAL', 'Lakedesk is shutting down.'));
    const root = resolve(path);
    let lake = this.lakes.get(root);
    if (!lake) {
      lake = DuckDbQueryEngine.create(root).then((engine) => ({
        root,
        engine,
        catalog: new LakeCatalog(root, engine),
      }));
      lake.catch(() => this.lakes.delete(root));
      this.lakes.set(root, lake);
    }
    return lake;
  }

  /** The lake at `path` with its tables ready to query (crawled first if it never was). */
  async ready(path: string): Promise<LocalLake> {
    const lake = await this.open(path);
    await lake.catalog.ensure();
    return lake;
  }

  /** The open lake that holds a query result, so pages find it after the workspace changed. */
  async withResult(resultId: string): Promise<LocalLake> {
    for (const pending of this.lakes.values()) {
      const lake = await pending.catch(() => undefined);
      if (lake?.engine.hasResult(resultId)) return lake;
    }
    throw new LakeError(
      'NOT_FOUND',
      `No query result ${resultId}.`,
      'It was freed or is from an earlier run: run the query again.',
    );
  }

  /** Cancels running queries and closes every engine. */
  async closeAll(): Promise<void> {
    this.isClosed = true;
    const lakes = await Promise.allSettled([...this.lakes.values()]);
    this.lakes.clear();
    await Promise.allSettled(
      lakes.map((l) => (l.status === 'fulfilled' ? l.value.engine.close() : undefined)),
    );
  }
}
