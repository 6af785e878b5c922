import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { Badge, Loading } from '../../../components/Layout';
import { useCall } from '../../../lib/useCall';
import type { TableKey } from './GlueTableList';

/**
 * The signed-in role's effective Lake Formation permissions on a table: each permission the console
 * needs, granted or not, and for every missing one what cannot be done and whom to ask.
 */
export function TablePermissionsPanel({ workspaceId, table }: { workspaceId: string; table: TableKey }) {
  const view = useCall('catalog.tablePermissions', { workspaceId, ...table });
  if (view.error) return <ErrorBanner error={view.error} compact onRetry={view.reload} />;
  const p = view.data;
  if (!p) return <Loading label="Asking Lake Formation…" />;
  return (
    <div className="permissions" data-testid="table-permissions">
      <p className="muted">
        Role <strong className="plain">{p.roleName}</strong> as{' '}
        <span className="mono" title={p.principal}>
          {p.principal}
        </span>
      </p>
      <ul className="permission-checks">
        {p.checks.map((c) => (
          <li
            key={c.permission}
            className={c.granted ? 'granted' : 'missing'}
            data-testid="permission-check"
            data-permission={c.permission}
            data-granted={c.granted}
          >
            <Icon name={c.granted ? 'check' : 'close'} size={14} />
            <span className="mono strong">{c.permission}</span>
            <span>{c.need}</span>
            {p.grantable.includes(c.permission) && <Badge>grantable</Badge>}
          </li>
        ))}
      </ul>
      {p.missing.length > 0 && (
        <ul className="permission-missing" data-testid="permissions-missing">
          {p.missing.map((m) => (
            <li key={m.permission} data-permission={m.permission}>
              <Icon name="alert" size={14} className="warn-text" />
              <span>{m.explanation}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small-print">
        Effective: {p.permissions.join(', ') || 'none'}. Data location {p.location ? `(${p.location})` : ''}:{' '}
        {p.dataLocation.join(', ') || 'no access'}.
      </p>
    </div>
  );
}
