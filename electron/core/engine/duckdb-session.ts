import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { cancelledError } from '../errors';
import { quoteLiteral } from './sql-text';
import { TRINO_COMPAT_MACROS } from './trino-compat';

/** The attached in-memory database that holds kept query results, apart from the lake's views. */
export const RESULTS_DB = 'lakedesk_results';

/**
 * One in-memory DuckDB instance and its connections. Each piece of work gets its own connection, so
 * cancelling one (connection.interrupt()) never stops another, and close() waits for all of them.
 */
export class DuckDbSession {
  private readonly running = new Map<DuckDBConnection, Promise<unknown>>();
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly tempDir: string,
  ) {}

  /**
   * Opens DuckDB (2 threads; spills to a private temp folder) with the Trino compatibility macros.
   * With `allowedDirectories`, SQL can touch files only inside them (and the temp folder).
   */
  static async open(
    options: { threads?: number; allowedDirectories?: string[] } = {},
  ): Promise<DuckDbSession> {
    const threads = options.threads ?? 2;
    // An in-memory database spills to `.tmp` in the working directory by default: not ours to litter.
    const tempDir = await mkdtemp(join(tmpdir(), 'lakedesk-duckdb-'));
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(threads),
      temp_directory: tempDir,
      autoinstall_known_extensions: 'false',
    });
    const session = new DuckDbSession(instance, tempDir);
    await session.use(async (connection) => {
      // Athena runs in UTC; so do we, so timestamps without a zone mean the same thing on both.
      await connection.run(`SET GLOBAL TimeZone = 'UTC'`);
      await connection.run(`ATTACH ':memory:' AS ${RESULTS_DB}`);
      for (const macro of TRINO_COMPAT_MACROS) await connection.run(macro);
      if (options.allowedDirectories) await confine(connection, [...options.allowedDirectories, tempDir]);
    });
    return session;
  }

  /** Runs `work` on a fresh connection; an abort of `signal` interrupts what it runs. */
  async use<T>(work: (connection: DuckDBConnection) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.closed) throw cancelledError();
    if (signal?.aborted) throw cancelledError();
    const connection = await this.instance.connect();
    const interrupt = () => connection.interrupt();
    signal?.addEventListener('abort', interrupt, { once: true });
    const done = work(connection);
    this.running.set(connection, done);
    try {
      return await done;
    } finally {
      signal?.removeEventListener('abort', interrupt);
      this.running.delete(connection);
      connection.disconnectSync();
    }
  }

  /** Interrupts running work, waits for it to stop, then frees the instance and its temp folder. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const connection of this.running.keys()) connection.interrupt();
    await Promise.allSettled([...this.running.values()]);
    this.instance.closeSync();
    await rm(this.tempDir, { recursive: true, force: true });
  }
}

/**
 * Security: a lake's SQL reads and writes only inside the lake (and DuckDB's temp folder), so a query
 * typed in the UI cannot read ~/.aws or write outside the lake. DuckDB cannot turn this back on while
 * it runs, so no later statement can undo it.
 */
async function confine(connection: DuckDBConnection, directories: readonly string[]): Promise<void> {
  const list = directories.map((d) => quoteLiteral(`${d.replace(/\\/g, '/').replace(/\/+$/, '')}/`));
  await connection.run(`SET GLOBAL allowed_directories = [${list.join(', ')}]`);
  await connection.run('SET GLOBAL enable_external_access = false');
}
