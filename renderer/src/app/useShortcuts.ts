import { useEffect } from 'react';
import { NAV_ITEMS } from './nav-items';
import { routeHref } from './route';

/** Ctrl/Cmd+1…6 jump to the areas of the left navigation, from anywhere (even the SQL editor). */
export function useAreaShortcuts(navigate: (href: string) => void): void {
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
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
