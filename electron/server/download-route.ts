import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { downloadPath } from '../core/reports/bundle/output-paths';

/**
 * `GET /download/<name>`: hands an export the core wrote into the app's downloads folder to the
 * browser as an attachment. Only plain names of files in that folder resolve (downloadPath checks),
 * so the route cannot be walked to any other file.
 */
export async function serveDownload(home: string, encodedName: string, res: ServerResponse): Promise<void> {
  let file: string;
  try {
    file = downloadPath(home, decodeURIComponent(encodedName));
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('No such download.\n');
    return;
  }
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('No such download.\n');
    return;
  }
  const name = basename(file);
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Disposition': `attachment; filename="${name.replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
}
