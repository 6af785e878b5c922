import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkRequest, cookieName } from './request-guard';

const token = 'a'.repeat(48);
const port = 4321;

function request(headers: Record<string, string>, method = 'POST'): IncomingMessage {
  return { method, headers: { host: `127.0.0.1:${port}`, ...headers } } as unknown as IncomingMessage;
}
const url = (query = '') => new URL(`http://127.0.0.1:${port}/api/app.info${query}`);

describe('browser-mode request guard', () => {
  it('refuses a request without the token', () => {
    expect(checkRequest(request({}), url(), token, port)).toMatchObject({ ok: false, status: 401 });
  });

  it('accepts the token as bearer header, query or per-port cookie', () => {
    expect(checkRequest(request({ authorization: `Bearer ${token}` }), url(), token, port)).toEqual({
      ok: true,
      via: 'header',
    });
    expect(checkRequest(request({}, 'GET'), url(`?token=${token}`), token, port)).toEqual({
      ok: true,
      via: 'query',
    });
    const cookie = `${cookieName(port)}=${token}`;
    const origin = `http://127.0.0.1:${port}`;
    expect(checkRequest(request({ cookie, origin }), url(), token, port)).toEqual({
      ok: true,
      via: 'cookie',
    });
  });

  it('refuses a cookie-only POST without Origin (cross-site form posts carry the cookie)', () => {
    const cookie = `${cookieName(port)}=${token}`;
    expect(checkRequest(request({ cookie }), url(), token, port)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a foreign Origin or Host even with the right token', () => {
    const auth = { authorization: `Bearer ${token}` };
    expect(
      checkRequest(request({ ...auth, origin: 'http://evil.example' }), url(), token, port),
    ).toMatchObject({ status: 403 });
    expect(checkRequest(request({ ...auth, host: 'evil.example:4321' }), url(), token, port)).toMatchObject({
      status: 403,
    });
    expect(checkRequest(request({ ...auth, host: '127.0.0.1:9999' }), url(), token, port)).toMatchObject({
      status: 403,
    });
  });

  it('does not accept a token of another length or a prefix of it', () => {
    expect(
      checkRequest(request({ authorization: `Bearer ${token.slice(1)}` }), url(), token, port),
    ).toMatchObject({ status: 401 });
  });
});
