import type { IconName } from '../components/Icon';
import type { Area } from './route';
import { OFFLINE_SUBS } from '../features/reports/bundle/report-routes';

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
  /** Sub-views that work with no workspace, or in one the area does not support yet. */
  offlineSubs?: readonly string[];
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
    description: 'Browse, preview, validate and import files (S3 buckets and uploads in an AWS workspace)',
    needsWorkspace: true,
    worksOnAws: true,
  },
  {
    area: 'catalog',
    label: 'Catalog',
    icon: 'catalog',
    description: 'Tables and the crawlers that find them (Glue in an AWS workspace)',
    needsWorkspace: true,
    worksOnAws: true,
  },
  {
    area: 'clusters',
    label: 'Clusters',
    icon: 'clusters',
    description: 'EMR clusters and steps, or the lake jobs of a local lake',
    needsWorkspace: true,
    worksOnAws: true,
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
    description: 'Gross profit, KPI dashboard and report files',
    needsWorkspace: true,
    worksOnAws: false,
    // An exported report carries its own data: it opens with no lake and no AWS access.
    offlineSubs: OFFLINE_SUBS,
  },
];

export const isMac =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "⌘1" on a Mac, "Ctrl+1" elsewhere. */
export function shortcutLabel(key: string): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`;
}
