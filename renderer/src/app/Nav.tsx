import { Icon } from '../components/Icon';
import { NAV_ITEMS, shortcutLabel } from './nav-items';
import { routeHref, type Area } from './route';

/** The left rail: one entry per area, with its shortcut in the tooltip. */
export function Nav({
  active,
  version,
  hrefs,
}: {
  active: Area;
  version: string | undefined;
  /** Where each area was left, so coming back restores the folder, tab or query. */
  hrefs: Partial<Record<Area, string>>;
}) {
  return (
    <nav className="nav" aria-label="Main" data-testid="nav">
      <div className="nav-brand">
        <span className="nav-logo" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="22" height="22">
            <path d="M3 15c3-3 6 3 9 0s6 3 9 0v5H3z" fill="currentColor" opacity="0.9" />
            <path
              d="M3 10c3-3 6 3 9 0s6 3 9 0"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
            />
          </svg>
        </span>
        <span className="nav-brand-name">Lakedesk</span>
      </div>
      <ul className="nav-list">
        {NAV_ITEMS.map((item, index) => {
          const shortcut = shortcutLabel(String(index + 1));
          return (
            <li key={item.area}>
              <a
                href={hrefs[item.area] ?? routeHref(item.area)}
                className={item.area === active ? 'nav-link active' : 'nav-link'}
                aria-current={item.area === active ? 'page' : undefined}
                title={`${item.label} — ${item.description} (${shortcut})`}
                data-testid={`nav-${item.area}`}
                aria-keyshortcuts={shortcut.replace('⌘', 'Meta+')}
              >
                <Icon name={item.icon} />
                <span className="nav-label">{item.label}</span>
                <kbd className="nav-kbd">{shortcut}</kbd>
              </a>
            </li>
          );
        })}
      </ul>
      <div className="nav-footer">{version ? `v${version}` : ''}</div>
    </nav>
  );
}
