import { Icon } from '../../components/Icon';

/** `raw/billing/` → Lake / raw / billing, each a link to its folder. */
export function Breadcrumbs({ prefix, onOpen }: { prefix: string; onOpen: (prefix: string) => void }) {
  const parts = prefix.split('/').filter(Boolean);
  return (
    <nav className="breadcrumbs" aria-label="Folder" data-testid="breadcrumbs">
      <button type="button" className="crumb" onClick={() => onOpen('')} data-testid="crumb-root">
        <Icon name="home" size={14} /> Lake
      </button>
      {parts.map((part, index) => {
        const target = `${parts.slice(0, index + 1).join('/')}/`;
        const isLast = index === parts.length - 1;
        return (
          <span key={target} className="crumb-step">
            <Icon name="chevron" size={12} className="crumb-sep" />
            <button
              type="button"
              className="crumb"
              aria-current={isLast ? 'location' : undefined}
              onClick={() => onOpen(target)}
              data-testid="crumb"
            >
              {part}
            </button>
          </span>
        );
      })}
    </nav>
  );
}
