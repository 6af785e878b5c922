import { useState, type FormEvent } from 'react';
import type { AccountSummary, Organisation } from '@shared/accounts.schema';
import type { LakeErrorShape } from '@shared/errors';
import { useToasts } from '../../app/ToastContext';
import { useWorkspace } from '../../app/WorkspaceContext';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Layout';
import { useLake } from '../../lib/LakeProvider';
import { toErrorShape } from '../../lib/lake-error';
import { useCall } from '../../lib/useCall';
import { regionsWith } from './regions';
import { ColourChip } from './WorkspaceLabel';

/** Role and region for the chosen account, and the button that opens them as a workspace. */
export function OpenWorkspaceForm({
  organisation,
  account,
}: {
  organisation: Organisation;
  account: AccountSummary;
}) {
  const lake = useLake();
  const { push } = useToasts();
  const { workspaces, reload } = useWorkspace();
  const session = organisation.name;
  const roles = useCall('accounts.listRoles', { session, accountId: account.accountId });
  const [chosenRole, setRole] = useState<string>();
  const [region, setRegion] = useState(organisation.region);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<LakeErrorShape>();
  const role = chosenRole ?? roles.data?.roles[0];
  const existing = workspaces.find(
    (w) =>
      w.aws?.ssoSession === session &&
      w.aws.accountId === account.accountId &&
      w.aws.roleName === role &&
      w.aws.region === region,
  );

  const open = async (event: FormEvent) => {
    event.preventDefault();
    if (!role) return;
    setBusy(true);
    setError(undefined);
    try {
      const workspace = await lake.call('accounts.openWorkspace', {
        session,
        accountId: account.accountId,
        roleName: role,
        region,
        accountName: account.accountName,
      });
      reload();
      push({ kind: 'success', title: 'Workspace open', detail: workspace.name });
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="open-workspace" onSubmit={open} data-testid="open-workspace-form">
      <div className="open-workspace-head">
        <ColourChip colour={account.colour} size={14} />
        <div>
          <div className="open-workspace-name">{account.accountName}</div>
          <div className="muted mono">{account.accountId}</div>
        </div>
      </div>
      <fieldset className="role-choice">
        <legend className="field-label">Role</legend>
        {roles.isLoading && !roles.data && <Loading label="Reading your roles…" />}
        {roles.error && <ErrorBanner error={roles.error} compact onRetry={roles.reload} />}
        {roles.data?.roles.length === 0 && <p className="muted">You have no role in this account.</p>}
        {roles.data?.roles.map((name) => (
          <label key={name} className={name === role ? 'role-option selected' : 'role-option'}>
            <input
              type="radio"
              name="role"
              value={name}
              checked={name === role}
              onChange={() => setRole(name)}
              data-testid="role-option"
            />
            {name}
          </label>
        ))}
      </fieldset>
      <div>
        <label className="field-label" htmlFor="workspace-region">
          Region
        </label>
        <select
          id="workspace-region"
          className="select full"
          value={region}
          onChange={(e) => setRegion(e.target.value)}
          data-testid="workspace-region"
        >
          {regionsWith(organisation.region).map((r) => (
            <option key={r.code} value={r.code}>
              {r.code} — {r.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="button primary open-workspace-submit"
        disabled={!role || isBusy}
        data-testid="open-workspace-submit"
      >
        {isBusy ? 'Checking the role…' : existing ? 'Switch to this workspace' : 'Open workspace'}
      </button>
      {error && <ErrorBanner error={error} compact onDismiss={() => setError(undefined)} />}
    </form>
  );
}
