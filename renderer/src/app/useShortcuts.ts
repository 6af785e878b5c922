import { useEffect } from 'react';
import { useLake } from '../lib/LakeProvider';
import { NAV_ITEMS } from './nav-items';
import { AREAS, routeHref, type Area } from './route';

/**
 * Ctrl/Cmd+1…6 jump to the areas of the left navigation, from anywhere (even the SQL editor). In the
 * desktop app the View menu owns those accelerators and sends `app.showArea` instead; both end here.
 */
export function useAreaShortcuts(navigate: (href: string) => void): void {
  const lake = useLake();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      const item = Number.isInteger(index) ? NAV_ITEMS[index] : undefined;
      if (!item) return;
      event.preventDefault();
      navigate(routeHref(item.area));
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = lake.on('app.showArea', ({ area }) => {
      if ((AREAS as readonly string[]).includes(area)) navigate(routeHref(area as Area));
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [lake, navigate]);
}
