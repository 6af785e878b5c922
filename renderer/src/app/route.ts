import { useCallback, useMemo, useSyncExternalStore } from 'react';

export const AREAS = ['accounts', 'lake', 'catalog', 'clusters', 'queries', 'reports'] as const;
export type Area = (typeof AREAS)[number];

export interface Route {
  area: Area;
  /** Everything after the area, e.g. `kpi` in `#/reports/kpi`. */
  sub: string;
  params: URLSearchParams;
}

/**
 * Hash routes (`#/lake?prefix=raw/`): the same bundle works from Electron's file and from browser
 * mode's server without server routes, and a reload keeps the view.
 */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const [first = '', ...rest] = pathPart.split('/');
  const area = (AREAS as readonly string[]).includes(first) ? (first as Area) : 'accounts';
  return { area, sub: rest.join('/'), params: new URLSearchParams(query) };
}

export function routeHref(area: Area, sub = '', params?: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {}))
    if (value !== undefined && value !== '') search.set(key, value);
  const query = search.toString();
  return `#/${area}${sub ? `/${sub}` : ''}${query ? `?${query}` : ''}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = (): string => window.location.hash;

/** The current route and a way to go elsewhere. */
export function useRoute(): [Route, (href: string, options?: { replace?: boolean }) => void] {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  const navigate = useCallback((href: string, options: { replace?: boolean } = {}) => {
    if (options.replace) {
      window.history.replaceState(null, '', href);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      window.location.hash = href.replace(/^#/, '');
    }
  }, []);
  const route = useMemo(() => parseRoute(hash), [hash]);
  return [route, navigate];
}
