import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict =
  { ok: true; via: 'cookie' | 'header' | 'query' } | { ok: false; status: 401 | 403; reason: string };

/** The cookie is per port: cookies ignore ports, and two servers on one machine must not share one. */
export function cookieName(port: number): string {
  return `lakedesk_token_${port}`;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * Checks one request to browser mode. The server binds 127.0.0.1 only, but any web page the person
 * visits can still aim requests at it, so every request must carry the token, the Host must be ours
 * (DNS rebinding) and a browser's Origin must be ours (cross-site requests).
 */
export function checkRequest(req: IncomingMessage, url: URL, token: string, port: number): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host ?? '';
  if (!allowedHosts.includes(host))
    return { ok: false, status: 403, reason: `Host "${host}" is not allowed.` };

  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: `Origin "${origin}" is not allowed.` };
  }

  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (sameToken(bearer, token)) return { ok: true, via: 'header' };
  if (sameToken(url.searchParams.get('token') ?? undefined, token)) return { ok: true, via: 'query' };
  if (sameToken(readCookie(req, cookieName(port)), token)) {
    // A cookie rides along with cross-site requests; a state-changing call must prove it is ours.
    if (req.method !== 'GET' && req.method !== 'HEAD' && origin === undefined) {
      return { ok: false, status: 403, reason: 'A browser call must carry an Origin header.' };
    }
    return { ok: true, via: 'cookie' };
  }
  return { ok: false, status: 401, reason: 'Missing or wrong token.' };
}
