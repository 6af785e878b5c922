import type { Server } from 'node:http';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { FaultPlan } from './faults';
import type { IdentityStore } from './identity-store';
import { S3Access } from './s3-access';
import { S3rverMultipart } from './s3-multipart';
import { startS3Proxy } from './s3-proxy';
import type { RunningService } from './service-server';

/** The emulator's S3: s3rver behind the fault proxy, which a test can kill and bring back. */
export interface S3Endpoint {
  /** The proxy's URL: what clients use. Stays the same across a restart. */
  readonly url: string;
  /** s3rver's own URL, past the fault layer (the emulator's other services read data through it). */
  readonly s3rverUrl: string;
  /** s3rver's data folder. */
  readonly dataDir: string;
  /** Denials (AccessDenied) by bucket, prefix, action and role. */
  readonly access: S3Access;
  readonly calls: Map<string, number>;
  /** The file s3rver keeps an object's bytes in (tests hash it without a download). */
  objectFile(bucket: string, key: string): string;
  /** Stops both servers at once, cutting every open connection, as a crashed server would. */
  kill(): Promise<void>;
  /** Starts them again on the same ports and data: uploads in progress are still there. */
  restart(): Promise<void>;
  readonly isRunning: boolean;
}

interface Running {
  s3rver: S3rver;
  proxy: RunningService;
}

async function startS3rver(
  dataDir: string,
  port: number,
  buckets: string[],
): Promise<{ s3rver: S3rver; port: number }> {
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port,
    directory: dataDir,
    silent: true,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const address = await s3rver.run();
  return { s3rver, port: address.port };
}

async function killS3rver(s3rver: S3rver): Promise<void> {
  // s3rver.close() waits for open requests, and a part cut off mid-body never ends on its own.
  const server = (s3rver as unknown as { httpServer?: Server }).httpServer;
  server?.closeAllConnections();
  await s3rver.close();
}

/** Starts s3rver (with `buckets`) and the proxy in front of it. */
export async function startS3Endpoint(
  dataDir: string,
  buckets: string[],
  faults: FaultPlan,
  store: IdentityStore,
): Promise<S3Endpoint> {
  const access = new S3Access();
  const multipart = new S3rverMultipart(dataDir);
  const calls = new Map<string, number>();
  let ports = { s3rver: 0, proxy: 0 };
  let running: Running | undefined;
  const start = async (configure: string[]) => {
    const { s3rver, port } = await startS3rver(dataDir, ports.s3rver, configure);
    const target = `http://127.0.0.1:${port}`;
    const proxy = await startS3Proxy({
      target,
      faults,
      store,
      access,
      multipart,
      dataDir,
      calls,
      port: ports.proxy,
    });
    ports = { s3rver: port, proxy: Number(new URL(proxy.url).port) };
    running = { s3rver, proxy };
  };
  await start(buckets);
  return {
    url: `http://127.0.0.1:${ports.proxy}`,
    s3rverUrl: `http://127.0.0.1:${ports.s3rver}`,
    dataDir,
    access,
    calls,
    objectFile: (bucket, key) => join(dataDir, bucket, `${key}._S3rver_object`),
    get isRunning() {
      return running !== undefined;
    },
    async kill() {
      if (!running) return;
      const { s3rver, proxy } = running;
      running = undefined;
      await Promise.all([proxy.close(), killS3rver(s3rver)]);
    },
    // Buckets exist on disk already; configuring them again would be a no-op at best.
    restart: () => (running ? Promise.resolve() : start([])),
  };
}
