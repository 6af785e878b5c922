import type { IconName } from '../components/Icon';
import type { Area } from './route';

export interface NavItem {
  area: Area;
  label: string;
  icon: IconName;
  /** What the area is for, shown in the tooltip. */
  description: string;
  /** Whether the area needs an open workspace. */
  needsWorkspace: boolean;
  /**
   * Whether the area works in an AWS workspace yet. While false, an AWS workspace shows a notice
   * there instead of the local-lake view (whose calls would only fail with NO_WORKSPACE).
   */
  worksOnAws: boolean;
}

/** The left navigation, in order: Ctrl/Cmd+1…6 follow this order. */
export const NAV_ITEMS: NavItem[] = [
  {
    area: 'accounts',
    label: 'Accounts',
    icon: 'accounts',
    description: 'Workspaces and sign-in',
    needsWorkspace: false,
    worksOnAws: true,
  },
  {
    area: 'lake',
    label: 'Lake',
    icon: 'lake',
    description: 'Browse, preview, validate and import files',
    needsWorkspace: true,
    worksOnAws: false,
  },
  {
    area: 'catalog',
    label: 'Catalog',
    icon: 'catalog',
    description: 'Tables found by crawling the lake',
    needsWorkspace: true,
    worksOnAws: false,
  },
  {
    area: 'clusters',
    label: 'Clusters',
    icon: 'clusters',
    description: 'Lake jobs: the local twin of EMR steps',
    needsWorkspace: true,
    worksOnAws: false,
  },
  {
    area: 'queries',
    label: 'Queries',
    icon: 'queries',
    description: 'Saved queries and the SQL editor',
    needsWorkspace: true,
    worksOnAws: false,
  },
  {
    area: 'reports',
    label: 'Reports',
    icon: 'reports',
    description: 'Gross profit and KPI dashboard',
    needsWorkspace: true,
    worksOnAws: false,
  },
];

export const isMac =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "⌘1" on a Mac, "Ctrl+1" elsewhere. */
export function shortcutLabel(key: string): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`;
}
