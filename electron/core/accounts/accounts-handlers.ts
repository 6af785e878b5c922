import type { HandlerMap } from '../handler-types';

export const accountsHandlers: HandlerMap<
  | 'accounts.listOrganisations'
  | 'accounts.addOrganisation'
  | 'accounts.signIn'
  | 'accounts.signOut'
  | 'accounts.status'
  | 'accounts.listAccounts'
  | 'accounts.listRoles'
  | 'accounts.setFavourite'
  | 'accounts.setColour'
  | 'accounts.openWorkspace'
  | 'accounts.whoami'
> = {
  'accounts.listOrganisations': (_input, ctx) => ctx.accounts.signIn.listOrganisations(),
  'accounts.addOrganisation': (input, ctx) => ctx.accounts.signIn.addOrganisation(input),
  'accounts.signIn': {
    title: (input) => `Sign in to ${input.session}`,
    run: (input, ctx, job) => ctx.accounts.signIn.signIn(input.session, job),
  },
  'accounts.signOut': (input, ctx) => ctx.accounts.signIn.signOut(input.session),
  'accounts.status': (input, ctx) => ctx.accounts.signIn.status(input.session),
  'accounts.listAccounts': {
    title: (input) => `List accounts of ${input.session}`,
    run: (input, ctx, job) => ctx.accounts.directory.listAccounts(input, job),
  },
  'accounts.listRoles': (input, ctx) => ctx.accounts.directory.listRoles(input.session, input.accountId),
  'accounts.setFavourite': (input, ctx) =>
    ctx.accounts.directory.setFavourite(input.session, input.accountId, input.favourite),
  'accounts.setColour': async (input, ctx) => {
    const result = await ctx.accounts.directory.setColour(input.accountId, input.colour);
    await ctx.workspaces.recolourAccount(result.accountId, result.colour);
    return result;
  },
  'accounts.openWorkspace': (input, ctx) => ctx.accounts.access.openWorkspace(input),
  'accounts.whoami': (input, ctx) =>
    input.profile !== undefined
      ? ctx.accounts.access.whoamiProfile(input.profile)
      : ctx.accounts.access.whoamiWorkspace(input.workspaceId),
};
