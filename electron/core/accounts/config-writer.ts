import { chmod, copyFile, rename, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LakeError } from '@shared/errors';
import { tempPathFor } from '../atomic-file';
import { IniDocument } from './ini-document';
import { readOptional } from './shared-config';

export interface NewSsoSession {
  name: string;
  startUrl: string;
  region: string;
  scopes: string[];
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/**
 * Applies `edit` to a config file the way a careful person would: read it fresh, change only what
 * is asked (comments and layout kept), copy the old file aside (`<file>.lakedesk-<stamp>.bak`), then
 * write the new one to a temp file with the same permissions and rename it into place.
 * Returns the backup's path (undefined when there was no file before).
 */
export async function editConfigFile(
  path: string,
  edit: (doc: IniDocument) => void,
): Promise<string | undefined> {
  const before = await readOptional(path);
  const doc = IniDocument.parse(before, path);
  edit(doc);
  const mode = (await stat(path).catch(() => undefined))?.mode ?? 0o600;
  let backup: string | undefined;
  if (before !== '') {
    backup = `${path}.lakedesk-${stamp(new Date())}.bak`;
    await copyFile(path, backup);
  }
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, doc.toString(), { mode: mode & 0o777 });
    await chmod(temp, mode & 0o777);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return backup;
}

/** Adds `[sso-session NAME]`; BAD_INPUT when an organisation of that name exists. */
export async function addSsoSession(path: string, session: NewSsoSession): Promise<string | undefined> {
  return editConfigFile(path, (doc) => {
    if (doc.section(`sso-session ${session.name}`)) {
      throw new LakeError(
        'BAD_INPUT',
        `An organisation named "${session.name}" is already in ${path}.`,
        'Choose another name.',
      );
    }
    doc.appendSection(`sso-session ${session.name}`, [
      ['sso_start_url', session.startUrl],
      ['sso_region', session.region],
      ...(session.scopes.length ? ([['sso_registration_scopes', session.scopes.join(',')]] as const) : []),
    ]);
  });
}
