import { useState, type FormEvent } from 'react';
import type { LakeErrorShape } from '@shared/errors';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLake } from '../../lib/LakeProvider';
import { toErrorShape } from '../../lib/lake-error';
import { AWS_REGIONS } from './regions';
import { suggestSessionName } from './sign-in-status';

/**
 * "Add organisation": a company's IAM Identity Center, saved as `[sso-session NAME]` in the AWS
 * config (the core writes it atomically, after a backup). The core checks every field again.
 */
export function AddOrganisationDialog({
  onClose,
  onAdded,
}: {
  onClose: () => void;
  onAdded: (session: string) => void;
}) {
  const lake = useLake();
  const [startUrl, setStartUrl] = useState('');
  const [region, setRegion] = useState('eu-west-1');
  const [name, setName] = useState('');
  const [isNameEdited, setNameEdited] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<LakeErrorShape>();
  const effectiveName = isNameEdited ? name : suggestSessionName(startUrl);
  const canSubmit = Boolean(startUrl.trim() && effectiveName && region) && !isBusy;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(undefined);
    try {
      const org = await lake.call('accounts.addOrganisation', {
        name: effectiveName,
        startUrl: startUrl.trim(),
        region,
      });
      onAdded(org.name);
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setBusy(false);
    }
  };

  const footer = (
    <>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button
        type="submit"
        form="add-organisation-form"
        className="button primary"
        disabled={!canSubmit}
        data-testid="add-organisation-submit"
      >
        {isBusy ? 'Adding…' : 'Add organisation'}
      </button>
    </>
  );

  return (
    <Dialog title="Add organisation" onClose={onClose} footer={footer} testId="add-organisation-dialog">
      <form id="add-organisation-form" className="form-stack" onSubmit={submit}>
        <p className="muted">
          Your company's IAM Identity Center, as your IT team gave it to you. Lakedesk adds it to your AWS
          config (<code>~/.aws/config</code>), keeping a backup; the AWS CLI sees it too.
        </p>
        <div>
          <label className="field-label" htmlFor="org-start-url">
            Start URL
          </label>
          <input
            id="org-start-url"
            className="input mono full"
            type="url"
            placeholder="https://your-company.awsapps.com/start"
            value={startUrl}
            onChange={(e) => setStartUrl(e.target.value)}
            autoFocus
            spellCheck={false}
            autoComplete="off"
            data-testid="add-organisation-url"
          />
        </div>
        <div className="form-row">
          <div>
            <label className="field-label" htmlFor="org-region">
              SSO region
            </label>
            <select
              id="org-region"
              className="select full"
              value={region}
              onChange={(e) => setRegion(e.target.value)}
              data-testid="add-organisation-region"
            >
              {AWS_REGIONS.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.code} — {r.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label className="field-label" htmlFor="org-name">
              Name in Lakedesk and the AWS config
            </label>
            <input
              id="org-name"
              className="input mono full"
              type="text"
              placeholder="your-company"
              value={effectiveName}
              onChange={(e) => {
                setNameEdited(true);
                setName(e.target.value);
              }}
              spellCheck={false}
              autoComplete="off"
              data-testid="add-organisation-name"
            />
          </div>
        </div>
        <p className="field-help">
          The region is the one your IAM Identity Center runs in (ask IT if unsure); the accounts themselves
          can be in any region.
        </p>
        {error && <ErrorBanner error={error} compact onDismiss={() => setError(undefined)} />}
      </form>
    </Dialog>
  );
}
