import { AccountsContext, type AccountsOptions } from './accounts-context';
import { DirectoryService } from './directory-service';
import { SignInService } from './sign-in-service';
import { WorkspaceAccess } from './workspace-access';

export type { AccountsOptions } from './accounts-context';

/**
 * The accounts area: organisations and their sign-in (`signIn`), accounts, roles, favourites and
 * colours (`directory`), AWS workspaces and the client settings other AWS areas use (`access`).
 * Secrets (tokens, role credentials) stay inside; nothing here returns one.
 */
export class AccountsService {
  readonly signIn: SignInService;
  readonly directory: DirectoryService;
  readonly access: WorkspaceAccess;
  private readonly ctx: AccountsContext;

  constructor(options: AccountsOptions) {
    this.ctx = new AccountsContext(options);
    this.signIn = new SignInService(this.ctx);
    this.directory = new DirectoryService(this.ctx);
    this.access = new WorkspaceAccess(this.ctx, this.directory);
  }

  /** Stops renewal timers (app quit, end of a CLI command). */
  close(): void {
    this.ctx.sessions.close();
  }
}
