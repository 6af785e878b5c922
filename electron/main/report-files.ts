import { extname, resolve } from 'node:path';

export const REPORT_EXTENSION = '.lakereport';

/** The report bundle named on a command line (a double-click passes it as an argument on Windows/Linux). */
export function reportPathIn(argv: readonly string[], cwd: string): string | undefined {
  const found = argv
    .slice(1)
    .find((arg) => !arg.startsWith('-') && extname(arg).toLowerCase() === REPORT_EXTENSION);
  return found === undefined ? undefined : resolve(cwd, found);
}
