import { describe, expect, it } from 'vitest';
import { appUrlMatcher } from './app-url';

describe('app URL matcher (IPC sender check)', () => {
  const isApp = appUrlMatcher('app://lakedesk');

  it('accepts the app protocol pages', () => {
    expect(isApp('app://lakedesk/index.html')).toBe(true);
    expect(isApp('app://lakedesk/#/reports')).toBe(true);
  });

  it('refuses other hosts, schemes and junk', () => {
    expect(isApp('app://evil/index.html')).toBe(false);
    expect(isApp('https://lakedesk/index.html')).toBe(false);
    expect(isApp('file:///tmp/index.html')).toBe(false);
    expect(isApp('about:blank')).toBe(false);
    expect(isApp('null')).toBe(false);
    expect(isApp('')).toBe(false);
  });

  it('matches the dev server by host and port', () => {
    const isDev = appUrlMatcher('http://localhost:5173/');
    expect(isDev('http://localhost:5173/index.html')).toBe(true);
    expect(isDev('http://localhost:5174/')).toBe(false);
    expect(isDev('http://127.0.0.1:5173/')).toBe(false);
  });
});
