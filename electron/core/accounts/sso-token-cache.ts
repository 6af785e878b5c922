import { createHash } from 'node:crypto';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempPathFor } from '../atomic-file';
import { readOptional } from './shared-config';

/**
 * An SSO sign-in as AWS CLI v2 caches it in `~/.aws/sso/cache/<sha1>.json`, so a sign-in made by
 * `aws sso login` works here and one made here works for `aws …` commands.
 */
export interface CachedSsoToken {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: Date;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: Date;
  refreshToken?: string;
}

/** A RegisterClient result as the CLI caches it (reused until it expires). */
export interface CachedRegistration {
  clientId: string;
  clientSecret: string;
  expiresAt: Date;
  scopes?: string[];
}

export function ssoCacheDir(homeDir: string): string {
  return join(homeDir, '.aws', 'sso', 'cache');
}

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

/** The token file: sha1 of the sso-session name, or of the start URL for a legacy profile. */
export function tokenCachePath(homeDir: string, cacheKey: string): string {
  return join(ssoCacheDir(homeDir), `${sha1(cacheKey)}.json`);
}

/** Python's `json.dumps(obj, sort_keys=True)` for flat string/array values, as botocore hashes it. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The registration file, keyed like the CLI's `_registration_cache_key` so both reuse one client. */
export function registrationCachePath(
  homeDir: string,
  key: { startUrl: string; region: string; scopes: string[]; sessionName?: string },
): string {
  const args: Record<string, unknown> = { tool: 'botocore', startUrl: key.startUrl, region: key.region };
  if (key.scopes.length > 0) args.scopes = key.scopes;
  if (key.sessionName) args.session_name = key.sessionName;
  return join(ssoCacheDir(homeDir), `${sha1(pythonJson(args))}.json`);
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the CLI's format (no milliseconds). */
export function formatExpiry(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  const text = await readOptional(path);
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    // A torn or foreign file is treated like no sign-in: signing in again rewrites it.
    return undefined;
  }
}

const str = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** The cached token, or undefined when there is none (or it cannot be read). */
export async function readCachedToken(path: string): Promise<CachedSsoToken | undefined> {
  const raw = await readJson(path);
  const accessToken = str(raw?.accessToken);
  const expiresAt = parseDate(raw?.expiresAt);
  if (!raw || !accessToken || !expiresAt) return undefined;
  return {
    startUrl: str(raw.startUrl) ?? '',
    region: str(raw.region) ?? '',
    accessToken,
    expiresAt,
    clientId: str(raw.clientId),
    clientSecret: str(raw.clientSecret),
    registrationExpiresAt: parseDate(raw.registrationExpiresAt),
    refreshToken: str(raw.refreshToken),
  };
}

/** Writes a JSON file the way the CLI does: owner-only, whole or not at all. */
async function writePrivateJson(path: string, value: Record<string, unknown>): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, JSON.stringify(value), { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function writeCachedToken(path: string, token: CachedSsoToken): Promise<void> {
  const record: Record<string, unknown> = {
    startUrl: token.startUrl,
    region: token.region,
    accessToken: token.accessToken,
    expiresAt: formatExpiry(token.expiresAt),
  };
  if (token.clientId) record.clientId = token.clientId;
  if (token.clientSecret) record.clientSecret = token.clientSecret;
  if (token.registrationExpiresAt) record.registrationExpiresAt = formatExpiry(token.registrationExpiresAt);
  if (token.refreshToken) record.refreshToken = token.refreshToken;
  await writePrivateJson(path, record);
}

export async function readRegistration(path: string): Promise<CachedRegistration | undefined> {
  const raw = await readJson(path);
  const clientId = str(raw?.clientId);
  const clientSecret = str(raw?.clientSecret);
  const expiresAt = parseDate(raw?.expiresAt);
  if (!clientId || !clientSecret || !expiresAt) return undefined;
  const scopes = Array.isArray(raw?.scopes)
    ? raw.scopes.filter((s): s is string => typeof s === 'string')
    : undefined;
  return { clientId, clientSecret, expiresAt, ...(scopes ? { scopes } : {}) };
}

export async function writeRegistration(path: string, registration: CachedRegistration): Promise<void> {
  const { clientId, clientSecret, expiresAt, scopes } = registration;
  await writePrivateJson(path, {
    clientId,
    clientSecret,
    expiresAt: formatExpiry(expiresAt),
    ...(scopes ? { scopes } : {}),
  });
}

export async function removeCachedToken(path: string): Promise<void> {
  await rm(path, { force: true });
}
