import { BundleSessions } from './bundle-sessions';
import { RecentBundles } from './recent-bundles';

/** Report bundles of this run: the open ones (each with its DuckDB) and the recent-reports list. */
export class BundleService {
  readonly sessions = new BundleSessions();
  readonly recent: RecentBundles;

  constructor(home: string) {
    this.recent = new RecentBundles(home);
  }

  /** Closes every open bundle's DuckDB. */
  close(): Promise<void> {
    return this.sessions.closeAll();
  }
}
