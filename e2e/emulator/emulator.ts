import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeConfigFiles } from './config-file';
import { FaultPlan, type FaultRule } from './faults';
import { IdentityStore, makeAccounts, type AccountSpec, type Lifetimes } from './identity-store';
import { createPipeline, type EmulatorPipeline, type PipelineOptions } from './pipeline';
import { S3Data } from './s3-data';
import { startS3Endpoint, type S3Endpoint } from './s3-endpoint';
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
  /** Glue, Lake Formation and EMR (on by default; they read and write the emulator's S3). */
  pipeline?: PipelineOptions | false;
}

export type ServiceName = 'sso' | 'sso_oidc' | 'sts' | 's3' | 'glue' | 'lakeformation' | 'emr';

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
  /** Glue, Lake Formation and EMR state and failure injection (absent with `pipeline: false`). */
  pipeline: EmulatorPipeline;
  /** S3 (s3rver behind the fault proxy): kill/restart it, deny access, find an object's file. */
  s3?: S3Endpoint;
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

/** Starts every service on its own loopback port; S3 is s3rver behind the fault layer. */
async function startEndpoints(
  store: IdentityStore,
  plan: FaultPlan,
  options: EmulatorOptions,
  dir: string,
  region: string,
) {
  const running: Array<Pick<RunningService, 'name' | 'url' | 'calls' | 'close'>> = [];
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
  const s3 = options.s3 === false ? undefined : await startS3Endpoint(join(dir, 's3'), buckets, plan, store);
  if (s3) running.push({ name: 's3', url: s3.url, calls: s3.calls, close: () => s3.kill() });
  const data = s3 ? new S3Data(s3.s3rverUrl, region) : undefined;
  const { pipeline, services } = createPipeline(
    store,
    options.pipeline === false ? { seed: false } : (options.pipeline ?? {}),
    () => data,
  );
  if (options.pipeline !== false) for (const def of services) running.push(await startService(def, plan));
  const close = async () => {
    pipeline.close();
    data?.close();
    await s3?.kill();
  };
  return { running, pipeline, close, s3 };
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
  const region = options.region ?? 'eu-west-1';
  const { running, pipeline, close, s3 } = await startEndpoints(store, plan, options, dir, region);
  const byName = new Map(running.map((r) => [r.name, r]));
  const endpoints = Object.fromEntries(running.map((r) => [r.name, r.url])) as Record<ServiceName, string>;
  const names = {
    sessionName: options.sessionName ?? 'emulator',
    startUrl: options.startUrl ?? 'https://emulator.awsapps.com/start',
    region,
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
    pipeline,
    ...(s3 ? { s3 } : {}),
    faults: faultsOf(plan, store),
    approveDevice: (userCode) => store.approve(userCode),
    waitForUserCode: (timeoutMs) => waitForUserCode(store, timeoutMs),
    calls: (service, operation) => byName.get(service)?.calls.get(operation) ?? 0,
    stop: async () => {
      if (autoApprove) clearInterval(autoApprove);
      await Promise.all(running.map((r) => r.close()));
      await close();
      if (ownDir) await rm(dir, { recursive: true, force: true });
    },
  };
}
