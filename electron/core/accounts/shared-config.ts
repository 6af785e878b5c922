import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { LakeError } from '@shared/errors';
import { IniDocument, type IniSection } from './ini-document';

/** A profile from ~/.aws/config merged with the same name in ~/.aws/credentials. */
export interface AwsProfile {
  name: string;
  /** Top-level settings (`region`, `sso_session`, `aws_access_key_id`, …). */
  values: Record<string, string>;
  /** Where the profile is defined, for error messages: `file line N`. */
  where: string;
}

/** An `[sso-session NAME]` section: one organisation's IAM Identity Center. */
export interface SsoSessionConfig {
  name: string;
  startUrl: string;
  region: string;
  scopes: string[];
  where: string;
}

/** `[services NAME]`: per-service settings, e.g. `{ s3: { endpoint_url } }`. */
export type ServicesSection = Record<string, Record<string, string>>;

export interface SharedConfig {
  configFile: string;
  credentialsFile: string;
  profiles: Map<string, AwsProfile>;
  ssoSessions: Map<string, SsoSessionConfig>;
  services: Map<string, ServicesSection>;
  /** `AWS_PROFILE` (or `AWS_DEFAULT_PROFILE`), else `default`. */
  selectedProfile: string;
  env: NodeJS.ProcessEnv;
  homeDir: string;
}

/** The home folder as the AWS CLI and SDK see it: HOME (USERPROFILE on Windows) before the OS's. */
export function homeDirFrom(env: NodeJS.ProcessEnv): string {
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEDRIVE && env.HOMEPATH) return `${env.HOMEDRIVE}${env.HOMEPATH}`;
  return homedir();
}

function expandHome(path: string, home: string): string {
  return path === '~' || path.startsWith('~/') || path.startsWith('~\\') ? join(home, path.slice(1)) : path;
}

/** The config and credentials files, honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE. */
export function sharedConfigPaths(env: NodeJS.ProcessEnv): { configFile: string; credentialsFile: string } {
  const home = homeDirFrom(env);
  return {
    configFile: expandHome(env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), home),
    credentialsFile: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), home),
  };
}

/** Reads a file, or '' when it does not exist (a missing config is a normal first start). */
export async function readOptional(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

function flat(section: IniSection): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of section.values) if (!value.nested) values[key] = value.value;
  return values;
}

function nestedOf(section: IniSection): ServicesSection {
  const services: ServicesSection = {};
  for (const [key, value] of section.values) if (value.nested) services[key] = { ...value.nested };
  return services;
}

function requireSetting(section: IniSection, key: string, file: string): string {
  const value = section.values.get(key)?.value;
  if (value) return value;
  throw new LakeError(
    'INVALID_DATA',
    `${file} line ${section.line}: [${section.header}] has no ${key}.`,
    `Add "${key} = …" to that section, or remove the section.`,
  );
}

function addProfile(config: SharedConfig, name: string, section: IniSection, file: string): void {
  const existing = config.profiles.get(name);
  const values = { ...existing?.values, ...flat(section) };
  config.profiles.set(name, { name, values, where: existing?.where ?? `${file} line ${section.line}` });
}

function readConfigSections(config: SharedConfig, doc: IniDocument): void {
  for (const section of doc.sections()) {
    const [kind, ...rest] = section.header.split(' ');
    const name = rest.join(' ');
    if (section.header === 'default') addProfile(config, 'default', section, doc.file);
    else if (kind === 'profile' && name) addProfile(config, name, section, doc.file);
    else if (kind === 'services' && name) config.services.set(name, nestedOf(section));
    else if (kind === 'sso-session' && name) {
      config.ssoSessions.set(name, {
        name,
        startUrl: requireSetting(section, 'sso_start_url', doc.file),
        region: requireSetting(section, 'sso_region', doc.file),
        scopes: (section.values.get('sso_registration_scopes')?.value ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        where: `${doc.file} line ${section.line}`,
      });
    }
  }
}

/**
 * Reads ~/.aws/config and ~/.aws/credentials as the AWS CLI does. Credentials-file values win over
 * config values of the same profile. A malformed file throws INVALID_DATA naming file and line.
 */
export async function loadSharedConfig(env: NodeJS.ProcessEnv): Promise<SharedConfig> {
  const { configFile, credentialsFile } = sharedConfigPaths(env);
  const config: SharedConfig = {
    configFile,
    credentialsFile,
    profiles: new Map(),
    ssoSessions: new Map(),
    services: new Map(),
    selectedProfile: env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default',
    env,
    homeDir: homeDirFrom(env),
  };
  readConfigSections(config, IniDocument.parse(await readOptional(configFile), configFile));
  const credentials = IniDocument.parse(await readOptional(credentialsFile), credentialsFile);
  for (const section of credentials.sections()) addProfile(config, section.header, section, credentialsFile);
  return config;
}

/** A profile by name, or NOT_FOUND listing the ones there are. */
export function requireProfile(config: SharedConfig, name: string): AwsProfile {
  const profile = config.profiles.get(name);
  if (profile) return profile;
  const known = [...config.profiles.keys()].join(', ') || 'none';
  throw new LakeError(
    'NOT_FOUND',
    `No profile "${name}" in ${config.configFile} or ${config.credentialsFile} (profiles: ${known}).`,
    'Check the name, or set AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE to the files you mean.',
  );
}
