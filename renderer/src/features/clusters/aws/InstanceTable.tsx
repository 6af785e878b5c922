import type { ClusterDetail } from '@shared/emr.schema';

/** A cluster's instance groups, or its instance fleets: what runs, how many, bought how. */
export function InstanceTable({ cluster }: { cluster: ClusterDetail }) {
  if (cluster.instanceFleets.length > 0)
    return (
      <table className="data-table compact" data-testid="instance-fleets">
        <thead>
          <tr>
            <th>Fleet</th>
            <th>Instance types</th>
            <th className="num">On-demand (target / provisioned)</th>
            <th className="num">Spot (target / provisioned)</th>
            <th>State</th>
          </tr>
        </thead>
        <tbody>
          {cluster.instanceFleets.map((f) => (
            <tr key={f.id} data-testid="instance-fleet" data-role={f.role}>
              <td className="strong">{f.role}</td>
              <td className="mono">{f.instanceTypes.join(', ')}</td>
              <td className="num">
                {f.targetOnDemand} / {f.provisionedOnDemand}
              </td>
              <td className="num">
                {f.targetSpot} / {f.provisionedSpot}
              </td>
              <td className="muted">{f.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  if (cluster.instanceGroups.length === 0) return <p className="muted">No instances reported.</p>;
  return (
    <table className="data-table compact" data-testid="instance-groups">
      <thead>
        <tr>
          <th>Group</th>
          <th>Instance type</th>
          <th>Market</th>
          <th className="num">Requested</th>
          <th className="num">Running</th>
          <th>State</th>
        </tr>
      </thead>
      <tbody>
        {cluster.instanceGroups.map((g) => (
          <tr key={g.id} data-testid="instance-group" data-role={g.role}>
            <td className="strong">{g.role}</td>
            <td className="mono">{g.instanceType}</td>
            <td>{g.market}</td>
            <td className="num">{g.requested}</td>
            <td className="num">{g.running}</td>
            <td className="muted">{g.state}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
