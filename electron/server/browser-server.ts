import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LakeError } from '@shared/errors';
import type { Core } from '../core/core';
import { toErrorShape } from '../core/errors';
import { serveDownload } from './download-route';
import { streamEvents } from './event-stream';
import { checkRequest, cookieName } from './request-guard';
import { serveStatic } from './static-files';

/** Same policy as the renderer's meta tag; sent as a header too so it covers every response. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // ag-grid sets inline styles on its cells
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface BrowserServer {
  /** The URL to open, with the token: like Jupyter's. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  token?: string;
}

/** The browser-mode front door: the built renderer and the core's contract over HTTP, on 127.0.0.1 only. */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  let port = 0;
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toErrorShape(error) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');

    const verdict = checkRequest(req, url, token, port);
    if (!verdict.ok) {
      sendText(
        res,
        verdict.status,
        `${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}: ${verdict.reason}\n`,
      );
      return;
    }
    if (verdict.via === 'query' && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      // Trade the token in the URL for a cookie, then drop it from the address bar and history.
      res.setHeader('Set-Cookie', `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`);
      url.searchParams.delete('token');
      res.writeHead(302, { Location: `${url.pathname}${url.search}` });
      res.end();
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      streamEvents(res, options.core.services.events);
      return;
    }
    if (url.pathname.startsWith('/download/') && req.method === 'GET') {
      await serveDownload(options.core.services.home, url.pathname.slice('/download/'.length), res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST for calls.\n');
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      let input: unknown;
      try {
        input = await readJson(req);
      } catch (error) {
        return sendJson(res, 400, { ok: false, error: toErrorShape(error) });
      }
      const result = await options.core.router.call(method, input, { frontDoor: 'browser', trusted: true });
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.\n');
    if (await serveStatic(options.rendererDir, url.pathname, res)) return;
    // Unknown paths fall back to the app so a reload on any view works.
    if (!(await serveStatic(options.rendererDir, '/', res))) {
      sendText(
        res,
        500,
        `The renderer bundle is missing in ${options.rendererDir}: run \`npm run build\`.\n`,
      );
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only, never 0.0.0.0: browser mode is for this machine's person alone.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new LakeError(
        'BAD_INPUT',
        'Request too large.',
        'Send files of at most 256 MB through browser mode.',
      );
    }
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new LakeError('BAD_INPUT', 'The request body is not valid JSON.');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}
