import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file';
import { readOptional } from './shared-config';

const AccountsPrefs = z.object({
  /** Favourite account ids per organisation. */
  favourites: z.record(z.string(), z.array(z.string())).default({}),
  /** Colours the person chose, per account id. */
  colours: z.record(z.string(), z.string()).default({}),
});
export type AccountsPrefs = z.infer<typeof AccountsPrefs>;

/**
 * The person's account preferences (`<app home>/accounts.json`): favourites and colours. Kept apart
 * from ~/.aws/config, which Lakedesk writes only when the person adds an organisation.
 */
export class AccountsPrefsStore {
  private current: AccountsPrefs | undefined;
  private readonly path: string;

  constructor(appHome: string) {
    this.path = join(appHome, 'accounts.json');
  }

  async load(): Promise<AccountsPrefs> {
    if (this.current) return this.current;
    let raw: unknown = {};
    try {
      raw = JSON.parse((await readOptional(this.path)) || '{}');
    } catch {
      // Unreadable preferences are not worth failing over: start again with none.
    }
    const parsed = AccountsPrefs.safeParse(raw);
    this.current = parsed.success ? parsed.data : AccountsPrefs.parse({});
    return this.current;
  }

  async update(change: (prefs: AccountsPrefs) => AccountsPrefs): Promise<AccountsPrefs> {
    const next = AccountsPrefs.parse(change(await this.load()));
    await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
    this.current = next;
    return next;
  }
}
