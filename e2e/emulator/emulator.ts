import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { writeConfigFiles } from './config-file';
import { FaultPlan, type FaultRule } from './faults';
import { IdentityStore, makeAccounts, type AccountSpec, type Lifetimes } from './identity-store';
import { startS3Proxy } from './s3-proxy';
import { startService, type RunningService } from './service-server';
import { ssoOidcService } from './sso-oidc-service';
import { ssoPortalService } from './sso-portal-service';
import { stsService } from './sts-service';

export interface EmulatorOptions {
  /** How many accounts the organisation has (generated), or the accounts themselves. Default 5. */
  accounts?: number | AccountSpec[];
  /** Folder for the config files and S3 data; default a new temp folder, removed on stop. */
  dir?: string;
  sessionName?: string;
  startUrl?: string;
  region?: string;
  user?: string;
  lifetimes?: Partial<Lifetimes>;
  /** ListAccounts / ListAccountRoles page size when the caller sends no maxResults. Default 20. */
  pageSize?: number;
  /** Start s3rver behind the S3 endpoint. Default true. */
  s3?: boolean;
  buckets?: string[];
  /** Approve every device code by itself after this many ms (for manual use). */
  autoApproveAfterMs?: number;
  /** Ready-made SSO profiles written to the config (first N accounts). Default 3. */
  profiles?: number;
  seed?: number;
}

export type ServiceName = 'sso' | 'sso_oidc' | 'sts' | 's3';

/** Faults and token expiry, per endpoint. */
export interface EmulatorFaults {
  add(service: ServiceName | string, rule: FaultRule): void;
  clear(service?: string): void;
  /** How many faults of a kind fired on a service so far. */
  count(service: string, kind: FaultRule['kind']): number;
  /** New tokens and credentials expire after these many seconds. */
  setLifetimes(lifetimes: Partial<Lifetimes>): void;
  /** Everything issued so far expires now; with `refreshTokens`, the sign-in cannot be renewed either. */
  expireTokens(options?: { refreshTokens?: boolean }): void;
}

export interface Emulator {
  endpoints: Record<ServiceName, string>;
  dir: string;
  configFile: string;
  credentialsFile: string;
  /** AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE for a process that should use the emulator. */
  env: Record<string, string>;
  sessionName: string;
  startUrl: string;
  region: string;
  accounts: AccountSpec[];
  store: IdentityStore;
  faults: EmulatorFaults;
  /** Approves a pending device authorization (the newest if no code given), as the browser would. */
  approveDevice(userCode?: string): boolean;
  /** Resolves with the next pending user code (polls every 20 ms up to `timeoutMs`). */
  waitForUserCode(timeoutMs?: number): Promise<string>;
  /** Requests a service received, per operation. */
  calls(service: ServiceName, operation: string): number;
  stop(): Promise<void>;
}

const DEFAULT_LIFETIMES: Lifetimes = {
  accessTokenSeconds: 3600,
  refreshTokenSeconds: 8 * 3600,
  roleCredentialsSeconds: 3600,
  deviceCodeSeconds: 600,
  pollIntervalSeconds: 1,
};

async function startS3(dir: string, buckets: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: dir,
    silent: true,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await s3rver.run();
  return { url: `http://127.0.0.1:${port}`, close: () => s3rver.close() };
}

/** Starts every service on its own loopback port; S3 is s3rver behind the fault layer. */
async function startEndpoints(store: IdentityStore, plan: FaultPlan, options: EmulatorOptions, dir: string) {
  const running: RunningService[] = [];
  let oidcUrl = '';
  running.push(
    await startService(
      ssoOidcService(store, () => oidcUrl),
      plan,
    ),
  );
  oidcUrl = running[0]!.url;
  running.push(await startService(ssoPortalService(store, options.pageSize ?? 20), plan));
  running.push(await startService(stsService(store), plan));
  const buckets = options.buckets ?? ['lake-landing', 'lake-raw', 'lake-curated'];
  const s3 = options.s3 === false ? undefined : await startS3(join(dir, 's3'), buckets);
  if (s3) running.push(await startS3Proxy(s3.url, plan, store));
  return { running, s3 };
}

function faultsOf(plan: FaultPlan, store: IdentityStore): EmulatorFaults {
  return {
    add: (service, rule) => plan.add(service, rule),
    clear: (service) => plan.clear(service),
    count: (service, kind) => plan.count(service, kind),
    setLifetimes: (next) => Object.assign(store.lifetimes, next),
    expireTokens: (o) => store.expireAll({ refreshTokens: o?.refreshTokens ?? false }),
  };
}

async function waitForUserCode(store: IdentityStore, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const code = store.pendingUserCodes().at(-1);
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`No device authorization started within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts the emulated AWS endpoints on 127.0.0.1 and writes an AWS config pointing at them. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'lakedesk-emulator-')));
  await mkdir(dir, { recursive: true });
  const accounts = Array.isArray(options.accounts) ? options.accounts : makeAccounts(options.accounts ?? 5);
  const store = new IdentityStore(
    accounts,
    { ...DEFAULT_LIFETIMES, ...options.lifetimes },
    options.user ?? 'finance.user@example.com',
  );
  const plan = new FaultPlan(options.seed);
  const { running, s3 } = await startEndpoints(store, plan, options, dir);
  const byName = new Map(running.map((r) => [r.name, r]));
  const endpoints = Object.fromEntries(running.map((r) => [r.name, r.url])) as Record<ServiceName, string>;
  const names = {
    sessionName: options.sessionName ?? 'emulator',
    startUrl: options.startUrl ?? 'https://emulator.awsapps.com/start',
    region: options.region ?? 'eu-west-1',
  };
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  await writeConfigFiles(configFile, credentialsFile, {
    ...names,
    endpoints,
    accounts,
    profiles: options.profiles ?? 3,
  });
  const approveAll = () => store.pendingUserCodes().forEach((c) => store.approve(c));
  const autoApprove =
    options.autoApproveAfterMs === undefined
      ? undefined
      : setInterval(approveAll, options.autoApproveAfterMs);
  return {
    ...names,
    endpoints,
    dir,
    configFile,
    credentialsFile,
    env: { AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile },
    accounts,
    store,
    faults: faultsOf(plan, store),
    approveDevice: (userCode) => store.approve(userCode),
    waitForUserCode: (timeoutMs) => waitForUserCode(store, timeoutMs),
    calls: (service, operation) => byName.get(service)?.calls.get(operation) ?? 0,
    stop: async () => {
      if (autoApprove) clearInterval(autoApprove);
      await Promise.all(running.map((r) => r.close()));
      await s3?.close();
      if (ownDir) await rm(dir, { recursive: true, force: true });
    },
  };
}
