import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { BundleManifest } from '@shared/bundle-manifest.schema';
import type { IntegrityProblem, OpenedBundle, OpenedChart, OpenedTable } from '@shared/bundles.schema';
import { LakeError } from '@shared/errors';
import { DuckDbQueryEngine } from '../../engine/duckdb-query-engine';
import { quoteIdent } from '../../engine/sql-text';
import { chartRows } from './bundle-charts';
import { readBundle } from './bundle-reader';
import { sqlPath } from './table-stager';

/** An open bundle: its manifest and a private DuckDB holding its tables. */
export interface OpenBundle {
  id: string;
  path: string;
  manifest: BundleManifest;
  engine: DuckDbQueryEngine;
  tables: OpenedTable[];
  /** What `open` returned, for exports from the open bundle. */
  opened: OpenedBundle;
}

/** Bundles open at once; opening one more closes the one opened first. */
const MAX_OPEN = 8;

async function loadTables(engine: DuckDbQueryEngine, manifest: BundleManifest, files: Map<string, string>) {
  const tables: OpenedTable[] = [];
  const problems: IntegrityProblem[] = [];
  for (const table of manifest.tables) {
    const file = files.get(table.parquet);
    try {
      if (!file) throw new Error('its Parquet member is missing or unreadable');
      await engine.exec([
        `CREATE TABLE ${quoteIdent(table.name)} AS SELECT * FROM read_parquet(${sqlPath(file)})`,
      ]);
      const described = await engine.query(`SELECT * FROM ${quoteIdent(table.name)} LIMIT 0`);
      const count = await engine.query(`SELECT count(*)::DOUBLE FROM ${quoteIdent(table.name)}`);
      tables.push({
        name: table.name,
        title: table.title,
        columns: described.columns,
        rowCount: Number(count.rows[0]?.[0] ?? 0),
        loaded: true,
      });
    } catch (error) {
      const detail = (error as Error).message.split('\n')[0];
      problems.push({
        member: table.parquet,
        problem: 'unreadable',
        message: `Table ${table.name} could not be loaded from ${table.parquet}: ${detail}`,
      });
      tables.push({
        name: table.name,
        title: table.title,
        columns: table.columns,
        rowCount: 0,
        loaded: false,
      });
    }
  }
  return { tables, problems };
}

async function chartsOf(
  engine: DuckDbQueryEngine,
  manifest: BundleManifest,
  tables: OpenedTable[],
): Promise<OpenedChart[]> {
  const loaded = new Set(tables.filter((t) => t.loaded).map((t) => t.name));
  return Promise.all(
    manifest.charts.map(async (chart) => {
      const data = loaded.has(chart.table)
        ? await chartRows(engine, chart).catch(() => ({ columns: [], rows: [] }))
        : { columns: [], rows: [] };
      return { ...chart, data };
    }),
  );
}

/** The bundles open in this run of the app, each with its own sandboxed in-memory DuckDB. */
export class BundleSessions {
  private readonly bundles = new Map<string, OpenBundle>();

  /**
   * Opens a bundle with no network and no credentials: verifies it, loads its Parquet tables into a
   * fresh DuckDB confined to a private temp folder (then emptied), and reads the charts' rows.
   */
  async open(path: string): Promise<OpenedBundle> {
    const absolute = resolve(path);
    const dir = await mkdtemp(join(tmpdir(), 'lakedesk-open-'));
    let engine: DuckDbQueryEngine | undefined;
    try {
      const read = await readBundle(absolute, dir, (member) => member.endsWith('.parquet'));
      engine = await DuckDbQueryEngine.create(dir);
      const { tables, problems } = await loadTables(engine, read.manifest, read.extracted);
      engine.knownTables = tables.filter((t) => t.loaded).map((t) => t.name);
      const integrity = {
        verified: read.integrity.verified && problems.length === 0,
        problems: [...read.integrity.problems, ...problems],
      };
      const charts = await chartsOf(engine, read.manifest, tables);
      const id = `b_${randomBytes(8).toString('hex')}`;
      const opened: OpenedBundle = {
        bundleId: id,
        path: absolute,
        fileName: basename(absolute),
        bytes: read.bytes,
        manifest: read.manifest,
        integrity,
        tables,
        charts,
      };
      this.bundles.set(id, { id, path: absolute, manifest: read.manifest, engine, tables, opened });
      await this.evict();
      return opened;
    } catch (error) {
      await engine?.close();
      throw error;
    } finally {
      // The tables are in memory now: the copies go, so the bundle's SQL box reaches no file at all.
      await rm(dir, { recursive: true, force: true });
    }
  }

  get(bundleId: string): OpenBundle {
    const bundle = this.bundles.get(bundleId);
    if (!bundle)
      throw new LakeError(
        'NOT_FOUND',
        `No open report ${bundleId}.`,
        'It was closed: open the report file again.',
      );
    return bundle;
  }

  async close(bundleId: string): Promise<void> {
    const bundle = this.bundles.get(bundleId);
    this.bundles.delete(bundleId);
    await bundle?.engine.close();
  }

  async closeAll(): Promise<void> {
    const all = [...this.bundles.values()];
    this.bundles.clear();
    await Promise.allSettled(all.map((b) => b.engine.close()));
  }

  private async evict(): Promise<void> {
    while (this.bundles.size > MAX_OPEN) await this.close(this.bundles.keys().next().value as string);
  }
}
