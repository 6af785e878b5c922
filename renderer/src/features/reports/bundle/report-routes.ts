import { routeHref } from '../../../app/route';

/** Reports › Report files: the recent list and "Open report…". */
export const FILES_SUB = 'files';
/** Reports › an opened bundle, named by its path (`#/reports/open?path=…`), so a reload reopens it. */
export const OPEN_SUB = 'open';
/**
 * The report views that need no workspace: a bundle carries its own data, so it opens with no lake,
 * in an AWS workspace, and with no network at all.
 */
export const OFFLINE_SUBS: readonly string[] = [FILES_SUB, OPEN_SUB];

export const BUNDLE_EXTENSION = '.lakereport';

export function reportFilesHref(): string {
  return routeHref('reports', FILES_SUB);
}

export function openReportHref(path: string): string {
  return routeHref('reports', OPEN_SUB, { path });
}

/** Whether a file's name says it is a report bundle (drops of other files are left alone). */
export function isBundleName(name: string): boolean {
  return name.toLowerCase().endsWith(BUNDLE_EXTENSION);
}
