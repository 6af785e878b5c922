/** Inline SVG icons (stroke style, 24-unit grid): no icon font, nothing fetched at run time. */
const PATHS = {
  accounts: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0',
  lake: 'M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7Z',
  catalog: 'M4 5h16v14H4zM4 10h16M4 15h16M10 5v14',
  clusters: 'M4 4h16v6H4zM4 14h16v6H4zM8 7h.01M8 17h.01',
  queries: 'M4 5h16v14H4zM8 10l3 2-3 2M13 15h3',
  reports: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  folder: 'M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7Z',
  file: 'M14 3H6v18h12V7l-4-4Zm0 0v4h4',
  table: 'M4 5h16v14H4zM4 10h16M10 10v9',
  play: 'M7 4l13 8-13 8V4Z',
  stop: 'M6 6h12v12H6z',
  refresh: 'M20 12a8 8 0 1 1-2.3-5.6M20 4v5h-5',
  close: 'M6 6l12 12M18 6 6 18',
  check: 'M5 12l5 5 9-10',
  alert: 'M12 4 2 20h20L12 4Zm0 6v4m0 3h.01',
  upload: 'M12 16V4m0 0-4 4m4-4 4 4M4 16v4h16v-4',
  search: 'M11 18a7 7 0 1 1 0-14 7 7 0 0 1 0 14Zm5-2 5 5',
  chevron: 'M9 6l6 6-6 6',
  chevronDown: 'M6 9l6 6 6-6',
  chevronLeft: 'M15 6l-6 6 6 6',
  download: 'M12 4v12m0 0-4-4m4 4 4-4M4 16v4h16v-4',
  package: 'M12 3 4 7v10l8 4 8-4V7l-8-4Zm-8 4 8 4 8-4M12 11v10',
  home: 'M4 11l8-7 8 7v9H4v-9Z',
  jobs: 'M9 6h11M9 12h11M9 18h11M4 5.5l1 1 2-2M4 11.5l1 1 2-2M4 17.5l1 1 2-2',
  cloud: 'M7 18a4 4 0 0 1-.5-8 6 6 0 0 1 11.5 1.5A3.5 3.5 0 0 1 17.5 18H7Z',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  shield: 'M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6l-8-3Z',
  chart: 'M4 20V4M4 20h16M8 16l4-5 3 3 5-6',
  grid: 'M4 4h16v16H4zM4 9h16M4 14h16M9 4v16M14 4v16',
  star: 'm12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9L12 3.5Z',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-13v4l3 2',
  plus: 'M12 5v14M5 12h14',
  terminal: 'M4 5h16v14H4zM8 10l2 2-2 2M12 15h4',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
